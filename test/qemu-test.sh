#!/usr/bin/env bash
# Run one QEMU boot as a meson test and judge it by how QEMU ended.
#
#   qemu-test.sh --rc N [--expect REGEX]... [--timeout SECS] -- QEMU ARGS...
#
# The guest's console is streamed to stdout as TAP: carriage returns are
# dropped and every line that is not TAP (firmware banner, kernel messages)
# is turned into a "# " comment, so meson's TAP reader sees only the guest's
# test points. Afterwards the run fails with a "Bail out!" line and exit
# status 1 if QEMU timed out, exited with a status other than N, or never
# printed a line matching each --expect regex (grep -E).
set -uo pipefail

usage() {
    echo "usage: $0 --rc N [--expect REGEX]... [--timeout SECS] -- QEMU ARGS..." >&2
    exit 2
}

want_rc=""
limit=60
expects=()
while [ $# -gt 0 ]; do
    case $1 in
        --rc) [ $# -ge 2 ] || usage; want_rc=$2; shift 2 ;;
        --expect) [ $# -ge 2 ] || usage; expects+=("$2"); shift 2 ;;
        --timeout) [ $# -ge 2 ] || usage; limit=$2; shift 2 ;;
        --) shift; break ;;
        *) usage ;;
    esac
done
if [ -z "$want_rc" ] || [ $# -eq 0 ]; then
    usage
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

timeout -k 5 "$limit" "$@" </dev/null 2>&1 |
    sed -u 's/\r//g' | tee "$log" |
    sed -u -E '/^(ok|not ok|1\.\.[0-9]|Bail out!|#|TAP version)/!s/^/# /'
rc=${PIPESTATUS[0]}

# timeout(1) exits with 124, or 137 when it had to SIGKILL QEMU.
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "Bail out! QEMU timed out after $limit s"
    exit 1
fi
if [ "$rc" -ne "$want_rc" ]; then
    echo "Bail out! QEMU exited with rc $rc, expected $want_rc"
    exit 1
fi
for re in "${expects[@]}"; do
    if ! grep -Eq -- "$re" "$log"; then
        echo "Bail out! missing output: $re"
        exit 1
    fi
done
exit 0
