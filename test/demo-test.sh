#!/usr/bin/env bash
# demo-test.sh PASS_RC QEMU [ARGS...] IMAGE: boot the demo system, type shell
# commands on the serial console (each once the shell prompted for it),
# check the replies, end with `halt` and check QEMU's exit status.
set -u
pass_rc=$1
shift
tmp=$(mktemp -d)
qpid=
cleanup() {
    [ -n "$qpid" ] && kill "$qpid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
mkfifo "$tmp/in"
"$@" <"$tmp/in" >"$tmp/out" 2>&1 &
qpid=$!
exec 3>"$tmp/in"

fail() {
    echo "demo-test: FAIL: $*"
    echo "---- console:"
    cat "$tmp/out"
    exit 1
}

# wait_for PATTERN [SECONDS]: until the console shows PATTERN (grep -E).
wait_for() {
    local i
    for ((i = 0; i < ${2:-15} * 10; i++)); do
        grep -qE -- "$1" "$tmp/out" && return 0
        kill -0 "$qpid" 2>/dev/null || break
        sleep 0.1
    done
    fail "no '$1' on the console"
}

prompts=0
# The prompt count: each command adds one prompt after its output. A prompt
# the driver prints again after a spawned process's line (uart.c) is not a
# new one.
count_prompts() {
    awk '/^\[tick/ { after_tick = 1; next }
         { n += gsub(/keel> /, "&"); if (after_tick && /^keel> /) n--; after_tick = 0 }
         END { print n + 0 }' "$tmp/out"
}

wait_prompts() {
    local i
    for ((i = 0; i < 600; i++)); do     # a bench subsystem on a loaded machine takes a while
        [ "$(count_prompts)" -ge "$1" ] && return 0
        sleep 0.1
    done
    fail "the shell did not prompt again"
}

step() {        # step COMMAND PATTERN...: type COMMAND, then expect each PATTERN
    local cmd=$1 p
    shift
    prompts=$((prompts + 1))
    wait_prompts "$prompts"
    echo "demo-test: typing '$cmd'"
    printf '%s\r' "$cmd" >&3
    for p in "$@"; do
        wait_for "$p"
    done
}

step help 'kill NAME +stop a demo process'
step bootinfo '^untypeds: [0-9]+, RAM in untypeds: [0-9]+ bytes'
step ps '^0 +uart +100 +running +[0-9]+ KiB' '^1 +shell +100 +running +[0-9]+ KiB' '^processes hold [0-9]+ KiB'
held_before=$(grep -oE '^processes hold [0-9]+' "$tmp/out" | tail -1 | grep -oE '[0-9]+$')
# A spawned process lives until it is killed, and its output comes on lines
# of its own (never after the prompt), the prompt being printed again.
step spawn '^spawned tick1'
wait_for '^\[tick 2\]' 60
step ps '^2 +tick1 +100 +running +[1-9][0-9]* KiB'
step 'kill tick1' 'kill tick1: killed'
grep -qE 'keel> [^\r]*\[tick' "$tmp/out" && fail "a tick was printed on the prompt's line"
step ps "^processes hold $held_before KiB"
grep -qE '^[0-9] +tick1' <(sed -n '/kill tick1: killed/,$p' "$tmp/out") && fail "tick1 is still listed after kill"
ticks=$(grep -c '^\[tick' "$tmp/out")
sleep 3
[ "$(grep -c '^\[tick' "$tmp/out")" -eq "$ticks" ] || fail "tick1 went on printing after kill"
step 'kill shell' 'kill shell: not allowed'
step nosuch 'unknown command: nosuch'
# The test suite and the bench as subsystems: the whole suite must pass
# (the IRQ category skips: the UART is the driver's), and the memory they
# borrowed comes back (bench runs twice, then ps shows only the system).
step test '^1\.\.[0-9]+'
wait_for '^test: (exited|could not start|faulted)' 240
grep -q '^not ok' "$tmp/out" && fail "a test failed under the demo"
wait_for '^test: exited, status 0 \(passed\)' 1
step bench '^bench: exited, status 0 \(passed\)'
step bench
step ps '^1 +shell +100 +running'
[ "$(grep -c '^bench: exited, status 0 (passed)' "$tmp/out")" -eq 2 ] || fail "the second bench run did not pass"
grep -qE '^[0-9] +(tests|bench) ' "$tmp/out" && fail "a subsystem is still in the process table"
step halt '^halting'
wait "$qpid"
rc=$?
qpid=
[ "$rc" -eq "$pass_rc" ] || fail "QEMU exit status $rc, want $pass_rc"
# The suite's own fault tests make the kernel report faults; nothing else may.
sed '/^test: starting/,/^test: exited/d' "$tmp/out" | grep -q 'FAULT' && fail "a fault was reported"
echo "demo-test: PASS (QEMU exit status $rc)"
