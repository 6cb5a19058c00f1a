#!/usr/bin/env bash
# tooling-test.sh TARGET: what a newcomer meets at the command line, as TAP.
#  1. an interrupted run (Ctrl-C: SIGINT to QEMU's process group) never
#     reports a pass, and ./keel's own status says it failed;
#  2. a bad argument prints the whole usage text;
#  3. an unknown --image lists the images that exist;
#  4. examples/hello says what to run when libkeel_user.a is not built.
# Needs build/TARGET-gcc configured and built (./keel test builds it first).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${1:-riscv64}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0

result() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
        sed 's/^/# /' "$tmp/out" | tail -5
    fi
}

# 1. Boot the demo with no input, wait for its prompt, then Ctrl-C.
setsid ./keel run "$target" </dev/null >"$tmp/out" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
    grep -q 'keel> ' "$tmp/out" && break
    sleep 0.1
done
kill -INT -- "-$pid" 2>/dev/null
wait "$pid"
rc=$?
! grep -q 'passed' "$tmp/out" && [ "$rc" -ne 0 ] && grep -q 'did not finish' "$tmp/out"
result $? "TOOL0001 an interrupted ./keel run reports no pass (status $rc)"

# 2. The usage text is whole: its last line is there.
./keel no-such-command >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && grep -q 'bench-trace' "$tmp/out"
result $? "TOOL0002 a bad argument prints the whole usage text"

# 3. An unknown image names the ones there are.
./keel run "$target" --image no-such-image </dev/null >"$tmp/out" 2>&1
grep -q 'the images are:.*tests' "$tmp/out"
result $? "TOOL0003 an unknown --image lists the images"

# 4. The out-of-tree example without the library.
mkdir -p "$tmp/keel"
make -s -C examples/hello KEEL="$tmp/keel" TARGET="$target" COMPILER=gcc >"$tmp/out" 2>&1
grep -q "run '.*keel run $target" "$tmp/out"
result $? "TOOL0004 examples/hello says what to run when libkeel_user.a is missing"

echo "1..$n"
[ "$failed" -eq 0 ]
