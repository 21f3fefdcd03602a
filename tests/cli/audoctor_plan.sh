#!/bin/sh
# audoctor_plan.sh: `audoctor plan` replays small.log through the queue
# model; every figure checked here was worked out by hand below. Then
# --json, the exit codes 0/1/2, and bad input (exit 3, one line).
. "$(dirname "$0")/../lib.sh"
AUDOCTOR=$BIN/audoctor
PD=$DATA/audoctor/plan
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"

# small.log: 9 records in 5 events. Arrival times in ms after the first:
#   0 0 0 0 | 250 250 | 1500 | 3000 3000
# span 3 s, mean 9/3 = 3 records/s, busiest second [0, 1000): 6 records.
#
# A: --drain 2 (one record every 0.5 s) --backlog-limit 2, no wait.
#   0 ms: three enter (queue 0, 1, 2 <= 2), depart 0.5, 1.0, 1.5; the
#   fourth finds 3 > 2: lost.  250: 3 queued still: both lost.
#   1500: all three gone: enters (departs 2.0).  3000: 2.0 gone: both
#   enter.  Peak backlog 3, lost 3 -> exit 2. Unlimited, the queue peaks
#   at 6 (0 ms: 4; 250: 5, 6 with nothing gone), so limit 5 loses none:
#   5 x 8970 = 44850 bytes. The drain 2 is below the mean 3.
# B: the same with --wait-time 1000.
#   The fourth record at 0 waits for 0.5 s (delay 500), departs 2.0;
#   at 250 one waits for 1.0 (delay 750), departs 2.5; the next would get
#   room at 1.5 > 1.25: lost. 1500, 3000 x2 enter. Lost 1, delayed 2,
#   longest 750 ms -> exit 2. Limit 3 (4 fit): 0 ms all four enter, the
#   250s get room at 0.5 and 1.0: nothing lost -> smallest 3, 26910 bytes.
# C: --wait-time 1500: the second 250 record gets room at 1.5 <= 1.75
#   (delay 1250), departs 3.0; 1500 finds 3 queued, waits for 2.0 (delay
#   500). Nothing lost, delayed 4, longest 1250 -> exit 1.
# D: --drain 4 (0.25 s each), default limit 8192: 0 ms: 4 queued; 250:
#   one gone, two enter: 5; all gone by 1500. Peak 5, nothing lost or
#   delayed -> exit 0; smallest limit 4 (35880 bytes).
# E: --drain 100 --rate-limit 3 (the kernel's rule: ++count < 3 passes,
#   else reset if more than 1 s since the last reset, else drop):
#   0: 1, 2, 3->reset at 0, 1; 250: 2 pass, 3 within 1 s: dropped;
#   1500: reset; 3000: 1, 2. Lost to the rate limit 1 -> exit 2.

# plan_run NAME ARGS...: audoctor plan --json on small.log.
plan_run() {
	_name=$1; shift
	run_capture "$_name" "$AUDOCTOR" plan --log "$PD/small.log" --json "$@"
}

# expect NAME KEY=VALUE...: the JSON of run NAME has these figures.
expect() {
	_name=$1; shift
	if _why=$(python3 - "$TMP/$_name.out" "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bad = []
for kv in sys.argv[2:]:
    k, v = kv.split("=", 1)
    got = d.get(k)
    want = json.loads(v)
    if got != want:
        bad.append("%s: got %r, want %r" % (k, got, want))
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
	); then ok "$_name: $*"; else not_ok "$_name: $*"; diag "$_why"; fi
}

exit_is() {
	if [ "$(rc_of "$1")" = "$2" ]; then ok "$1: exit $2"; else
		not_ok "$1: exit $2"; diag "exit $(rc_of "$1"): $(head -2 "$TMP/$1.err")"
	fi
}

plan_run A --drain 2 --backlog-limit 2
expect A records=9 events=5 span_s=3 mean_rate_per_s=3 peak_rate_per_s=6 \
	peak_backlog=3 lost_backlog=3 lost_rate_limit=0 delayed=0 \
	smallest_backlog_limit=5 smallest_backlog_limit_memory_bytes=44850 \
	drain_below_arrivals=true backlog_limit_default=false verdict='"lost"'
exit_is A 2

plan_run B --drain 2 --backlog-limit 2 --wait-time 1000
expect B peak_backlog=3 lost_backlog=1 delayed=2 max_delay_ms=750 \
	smallest_backlog_limit=3 smallest_backlog_limit_memory_bytes=26910 \
	wait_time_ms=1000
exit_is B 2

plan_run C --drain 2 --backlog-limit 2 --wait-time 1500
expect C lost_backlog=0 lost_rate_limit=0 delayed=4 max_delay_ms=1250 \
	smallest_backlog_limit=2 verdict='"delayed"'
exit_is C 1

plan_run D --drain 4
expect D peak_backlog=5 lost_backlog=0 delayed=0 smallest_backlog_limit=4 \
	smallest_backlog_limit_memory_bytes=35880 backlog_limit=8192 \
	backlog_limit_default=true backlog_limit_memory_bytes=73482240 \
	drain_below_arrivals=false verdict='"none lost"'
exit_is D 0

plan_run E --drain 100 --rate-limit 3
expect E lost_rate_limit=1 lost_backlog=0 rate_limit=3
exit_is E 2

# The text form says the same for people.
run_capture T "$AUDOCTOR" plan --log "$PD/small.log" --drain 2 --backlog-limit 2
check "text: peak backlog and losses" grep -q '^peak backlog: 3 records$' "$TMP/T.out"
check "text: lost to the backlog" grep -q '^lost to the backlog: 3$' "$TMP/T.out"
check "text: smallest limit with its memory" \
	grep -q 'loses none.*: 5 (44850 bytes' "$TMP/T.out"
check "text: no limit is enough when the drain is below arrivals" \
	grep -q 'no backlog_limit is enough' "$TMP/T.out"
run_capture T2 "$AUDOCTOR" plan --log "$PD/small.log" --drain 4
check "text: the default limit is named" grep -q 'backlog_limit 8192 (the default' "$TMP/T2.out"

# Damaged lines: skipped, counted once on stderr, the rest replayed.
run_capture dmg "$AUDOCTOR" plan --log "$PD/damaged.log" --drain 4 --json
expect dmg records=9 damaged_lines=2 peak_backlog=5
exit_is dmg 0
# shellcheck disable=SC2016 # $1 is the inner shell's
check "damaged: one line on stderr naming the count" \
	sh -c '[ "$(wc -l <"$1")" = 1 ] && grep -q "2 damaged lines skipped" "$1"' _ "$TMP/dmg.err"

# Two logs: --log takes more files as plain arguments.
run_capture two "$AUDOCTOR" plan --drain 4 --json --log "$PD/empty.log" "$PD/small.log"
expect two records=9 events=5

# No records: said, exit 0.
run_capture none "$AUDOCTOR" plan --log "$PD/empty.log" --drain 4
exit_is none 0
check "no records: said" grep -q 'no records' "$TMP/none.out"

# Bad input: one line "audoctor: ..." on stderr, exit 3.
bad() {
	_name=$1; shift
	run_capture "$_name" "$AUDOCTOR" plan "$@"
	if [ "$(rc_of "$_name")" = 3 ] && [ "$(wc -l <"$TMP/$_name.err")" = 1 ] &&
		grep -q '^audoctor: ' "$TMP/$_name.err" && [ ! -s "$TMP/$_name.out" ]; then
		ok "$_name: exit 3, one line: $(cat "$TMP/$_name.err")"
	else
		not_ok "$_name: exit 3 and one line"
		diag "exit $(rc_of "$_name"): $(cat "$TMP/$_name.err")"
	fi
}
bad no-drain --log "$PD/small.log"
bad drain-0 --log "$PD/small.log" --drain 0
bad drain-abc --log "$PD/small.log" --drain abc
bad drain-neg --log "$PD/small.log" --drain -3
bad limit-abc --log "$PD/small.log" --drain 2 --backlog-limit 1x
bad no-log --drain 2
bad missing-log --log "$TMP/nonexistent.log" --drain 2
bad unknown-opt --log "$PD/small.log" --drain 2 --frobnicate
check "missing log: the error names the file" grep -q 'nonexistent.log' "$TMP/missing-log.err"

plan_done
