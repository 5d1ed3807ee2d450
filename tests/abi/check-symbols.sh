#!/usr/bin/env bash
# The library exports exactly the symbols listed in abi/commerce.symbols, and no sqlite3_ symbol: the private
# SQLCipher must stay invisible to the host.
set -euo pipefail
library=$1 expected=$2
actual=$(nm -D --defined-only "$library" | awk '{print $3}' | sort)
if nm -D "$library" | grep -q 'sqlite3_'; then
  echo "FAIL: $library exposes sqlite3_ symbols:"; nm -D "$library" | grep 'sqlite3_'; exit 1
fi
if ! diff -u "$expected" <(echo "$actual"); then
  echo "FAIL: exported symbols differ from $expected (update it only for a deliberate ABI change)"; exit 1
fi
echo "1 passed, 0 failed"
