#!/usr/bin/env bash
# docs/errors.md has a row for every status code in status.h, with the same number.
set -euo pipefail
header=$1 table=$2
failed=0 passed=0
while read -r name value; do
  if grep -qE "^\| *\`$name\` *\| *$value *\|" "$table"; then passed=$((passed + 1)); else
    echo "FAIL: $table has no row '| \`$name\` | $value |'"; failed=$((failed + 1)); fi
done < <(awk '/^#define COMMERCE_(OK|ERR_)/ {print $2, $3}' "$header")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
