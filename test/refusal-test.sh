#!/usr/bin/env bash
# refusal-test.sh SECONDS PATTERN -- QEMU ARGS...: a configuration Keel does
# not support must say so on the console (a line matching PATTERN) instead
# of hanging silently. The kernel stops after the line, so QEMU is ended by
# the timeout: the test passes iff the line came.
set -uo pipefail
limit=$1 pattern=$2
shift 3
out=$(timeout -k 5 "$limit" "$@" </dev/null 2>&1 | tr -d '\r')
printf '%s\n' "$out" | sed 's/^/# /'
if printf '%s\n' "$out" | grep -qE -- "$pattern"; then
    echo "ok 1 - the unsupported configuration is named: $pattern"
    echo "1..1"
    exit 0
fi
echo "not ok 1 - no line matching '$pattern' (a silent hang or another failure)"
echo "1..1"
exit 1
