#!/usr/bin/env bash
# Each public header must compile on its own, as C99 -pedantic -Werror and as C++.
set -euo pipefail
include_dir=$1 generated_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
passed=0 failed=0
for header in "$include_dir"/commerce/*.h "$generated_dir"/commerce/version.h; do
  name=commerce/$(basename "$header")
  printf '#include <%s>\n#include <%s>\nint main(void) { return 0; }\n' "$name" "$name" > "$work/t.c"
  cp "$work/t.c" "$work/t.cpp"
  if gcc -std=c99 -pedantic -Wall -Wextra -Werror -I"$include_dir" -I"$generated_dir" -c "$work/t.c" -o "$work/t.o" &&
     g++ -std=c++11 -pedantic -Wall -Wextra -Werror -I"$include_dir" -I"$generated_dir" -c "$work/t.cpp" -o "$work/t.o"; then
    passed=$((passed + 1))
  else
    echo "FAIL: $name does not compile alone"; failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
