#!/bin/sh
# bench/ingest/run.sh: the ingest benchmark (make bench; never make check).
#
# Measures, in one run and under one auditd.conf, how well an audit daemon
# keeps up with the kernel: the reference (/usr/sbin/auditd), ours
# ($AUDITKIT_BUILD/bin/auditd, when built) and the ceiling (drain, a
# read-and-discard netlink consumer). A generator (gen) makes a cheap
# audited syscall; the only rule matches it by exe path.
#
#   blocking      backlog_limit 8192, backlog_wait_time 60000, EVENTS calls
#                 at full speed: the generator can only go as fast as the
#                 daemon drains. events/s = events logged / generator time.
#   non-blocking  backlog_wait_time 0, backlog_limit in LIMITS, each rate in
#                 RATES offered for SECS seconds: records the kernel lost.
#
# Each measurement is one session: a fresh log, the daemon started and
# registered, the rule added, the generator run, the queue left to drain,
# then daemon CPU (utime+stime), peak RSS (VmHWM) and the kernel's lost
# delta read, the daemon stopped, the log counted. End to end is from the
# generator's first call to the last event handled (the log's mtime once
# quiet; drain's last read): unlike generator time it does not credit a
# daemon for what still sat in the kernel queue and socket buffer. Sessions alternate
# daemons (order reversed every other round) so that the 2 shared cores'
# noise spreads over all of them.
#
# Safety (DESIGN.md, kernel rules): root only; the kernel test lock is held
# for the whole run; refuses when another live daemon is registered;
# enabled, failure, limits, rate, rules (and the lost and wait-time
# counters, when they were 0) are saved
# and restored by an EXIT trap on every path, after every process this
# script started is stopped; the end checks pid 0 and the saved settings.
# Never sets failure 2 or enabled 2.
#
# Environment: QUICK=1 (about a minute), EVENTS, ROUNDS, RATES, LIMITS,
# SECS, DAEMONS ("reference ours ceiling"), AUDITKIT_BUILD, OURS_AUDITD,
# RESULTS (directory for the markdown, default bench/results).
set -u

TOP=$(cd "$(dirname "$0")/../.." && pwd)
: "${AUDITKIT_BUILD:=$TOP/build}"
AUDITKIT_BUILD=$(cd "$AUDITKIT_BUILD" 2>/dev/null && pwd || echo "$AUDITKIT_BUILD")
REF_AUDITCTL=/usr/sbin/auditctl
REF_AUDITD=/usr/sbin/auditd
: "${OURS_AUDITD:=$AUDITKIT_BUILD/bin/auditd}"
GEN=$AUDITKIT_BUILD/bench/ingest/gen
DRAIN=$AUDITKIT_BUILD/bench/ingest/drain
KEY=auditkit_bench
LOCK=/tmp/auditkit-kernel-test.lock
: "${RESULTS:=$TOP/bench/results}"

if [ "${QUICK:-0}" = 1 ]; then
	: "${EVENTS:=60000}" "${ROUNDS:=1}" "${RATES:=20000 100000}"
	: "${LIMITS:=8192 320}" "${SECS:=2}"
else
	: "${EVENTS:=300000}" "${ROUNDS:=2}" "${RATES:=20000 50000 100000 200000}"
	: "${LIMITS:=8192 320}" "${SECS:=2}"
fi
: "${DAEMONS:=reference ours ceiling}"

say() { echo "ingest: $*" >&2; }
die() { say "$*"; exit 1; }
kv() { "$REF_AUDITCTL" -s | awk -v k="$1" '$1 == k { print $2 }'; }

# ---- preconditions ----

[ "$(id -u)" = 0 ] || die "must be run as root"
if [ ! -x "$REF_AUDITCTL" ] || [ ! -x "$REF_AUDITD" ]; then
	die "reference auditctl/auditd missing (run scripts/bootstrap)"
fi
if [ ! -x "$GEN" ] || [ ! -x "$DRAIN" ]; then
	die "$GEN or $DRAIN missing: build first (make build)"
fi
GEN=$(realpath "$GEN")
"$REF_AUDITCTL" -s >/dev/null 2>&1 || die "kernel audit unusable: $("$REF_AUDITCTL" -s 2>&1)"
case $(uname -m) in
x86_64|aarch64|ppc64*|s390x|riscv64) ARCH=b64 ;;
*) ARCH=b32 ;;
esac
if [ ! -x "$OURS_AUDITD" ]; then
	echo "ours: not built ($OURS_AUDITD)"
	# shellcheck disable=SC2086 # split the list on purpose
	DAEMONS=$(printf '%s\n' $DAEMONS | grep -vx ours | tr '\n' ' ')
fi

exec 9>"$LOCK"
say "waiting for the kernel lock $LOCK"
flock -w 900 9 || die "could not take the kernel lock"

W=$(mktemp -d /tmp/auditkit-bench.XXXXXX)
SAVED=0
DPID=
GPID=

# ---- save and restore the kernel's state ----

kernel_save() {
	SAVED_ENABLED=$(kv enabled)
	SAVED_FAILURE=$(kv failure)
	SAVED_BACKLOG=$(kv backlog_limit)
	SAVED_RATE=$(kv rate_limit)
	SAVED_WAIT=$(kv backlog_wait_time)
	SAVED_LOST=$(kv lost)
	SAVED_WAIT_ACTUAL=$(kv backlog_wait_time_actual)
	"$REF_AUDITCTL" -l >"$W/saved.rules" 2>/dev/null
	grep -q '^No rules' "$W/saved.rules" && : >"$W/saved.rules"
	SAVED=1
}

# Stop one process this script started: TERM, then KILL after 20 s.
stop_pid() {
	kill -0 "$1" 2>/dev/null || { wait "$1" 2>/dev/null; return 0; }
	kill -TERM "$1" 2>/dev/null
	_i=0
	while kill -0 "$1" 2>/dev/null && [ $_i -lt 200 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
	kill -0 "$1" 2>/dev/null && kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

# After a daemon is gone the kernel may still name it until it fails to
# send it something; a user message (audit enabled) makes it try.
wait_unregistered() {
	_i=0
	while [ "$(kv pid)" != 0 ] && [ $_i -lt 50 ]; do
		[ $_i = 10 ] && "$REF_AUDITCTL" -m "auditkit bench: daemon gone" 2>/dev/null
		sleep 0.1; _i=$((_i + 1))
	done
	[ "$(kv pid)" = 0 ]
}

kernel_restore() {
	[ "$SAVED" = 1 ] || return 0
	"$REF_AUDITCTL" -D >/dev/null 2>&1
	[ -s "$W/saved.rules" ] && "$REF_AUDITCTL" -R "$W/saved.rules" >/dev/null 2>&1
	"$REF_AUDITCTL" -b "$SAVED_BACKLOG" -r "$SAVED_RATE" \
		--backlog_wait_time "$SAVED_WAIT" >/dev/null 2>&1
	[ "$SAVED_FAILURE" = 2 ] || "$REF_AUDITCTL" -f "$SAVED_FAILURE" >/dev/null 2>&1
	[ "$SAVED_LOST" = 0 ] && "$REF_AUDITCTL" --reset-lost >/dev/null 2>&1
	[ "$SAVED_WAIT_ACTUAL" = 0 ] &&
		"$REF_AUDITCTL" --reset_backlog_wait_time_actual >/dev/null 2>&1
	"$REF_AUDITCTL" -e "$SAVED_ENABLED" >/dev/null 2>&1
}

kernel_verify() {
	_ok=1
	for _k in enabled failure backlog_limit rate_limit backlog_wait_time; do
		case $_k in
		enabled) _want=$SAVED_ENABLED ;; failure) _want=$SAVED_FAILURE ;;
		backlog_limit) _want=$SAVED_BACKLOG ;; rate_limit) _want=$SAVED_RATE ;;
		backlog_wait_time) _want=$SAVED_WAIT ;;
		esac
		[ "$(kv $_k)" = "$_want" ] || { say "NOT restored: $_k is $(kv $_k), was $_want"; _ok=0; }
	done
	[ "$(kv pid)" = 0 ] || { say "NOT clean: pid $(kv pid) still registered"; _ok=0; }
	"$REF_AUDITCTL" -l >"$W/now.rules" 2>/dev/null
	grep -q '^No rules' "$W/now.rules" && : >"$W/now.rules"
	cmp -s "$W/saved.rules" "$W/now.rules" || { say "NOT restored: rule list differs"; _ok=0; }
	[ $_ok = 1 ] && say "kernel restored: pid 0, enabled $SAVED_ENABLED, backlog_limit $SAVED_BACKLOG, backlog_wait_time $SAVED_WAIT, rules as before"
}

cleanup() {
	[ -n "$GPID" ] && stop_pid "$GPID"
	[ -n "$DPID" ] && stop_pid "$DPID"
	GPID='' DPID=''
	if [ "$SAVED" = 1 ]; then
		"$REF_AUDITCTL" -D >/dev/null 2>&1
		"$REF_AUDITCTL" -e 1 >/dev/null 2>&1	# lets wait_unregistered probe
		wait_unregistered
		kernel_restore
		kernel_verify
	fi
	rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

_pid=$(kv pid)
if [ "$_pid" != 0 ] && kill -0 "$_pid" 2>/dev/null; then
	die "another audit daemon is registered (pid $_pid): refusing to run"
fi
[ "$(kv enabled)" = 2 ] && die "kernel audit is locked (enabled 2)"
kernel_save
"$REF_AUDITCTL" -D >/dev/null 2>&1

# ---- the shared configuration ----

mkdir -p "$W/conf" "$W/log" "$W/plugins"
cat >"$W/conf/auditd.conf" <<EOF
local_events = yes
write_logs = yes
log_file = $W/log/audit.log
log_group = root
log_format = ENRICHED
flush = INCREMENTAL_ASYNC
freq = 50
max_log_file = 100000
num_logs = 2
max_log_file_action = IGNORE
priority_boost = 4
name_format = NONE
space_left = 75
space_left_action = IGNORE
admin_space_left = 50
admin_space_left_action = IGNORE
disk_full_action = IGNORE
disk_error_action = IGNORE
q_depth = 2000
overflow_action = SYSLOG
max_restarts = 10
plugin_dir = $W/plugins
end_of_event_timeout = 2
EOF
chown -R root:root "$W"
chmod 0700 "$W/conf" "$W/log" "$W/plugins"
chmod 0600 "$W/conf/auditd.conf"

# ---- one session ----

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }
CLK_TCK=$(getconf CLK_TCK)
KAUDITD=$(pgrep -x kauditd | head -1)

start_daemon() {
	rm -f "$W/log/"* "$W/drain.out"
	case $1 in
	reference) "$REF_AUDITD" -n -c "$W/conf" >"$W/daemon.err" 2>&1 & ;;
	ours) "$OURS_AUDITD" -n -c "$W/conf" >"$W/daemon.err" 2>&1 & ;;
	ceiling) "$DRAIN" -k "$KEY" >"$W/drain.out" 2>"$W/daemon.err" & ;;
	esac
	DPID=$!
	_i=0
	while [ "$(kv pid)" != "$DPID" ]; do
		if ! kill -0 "$DPID" 2>/dev/null || [ $_i -ge 100 ]; then
			say "$1 did not register: $(cat "$W/daemon.err")"
			return 1
		fi
		sleep 0.1; _i=$((_i + 1))
	done
	"$REF_AUDITCTL" -e 1 >/dev/null &&
	"$REF_AUDITCTL" -a always,exit -F arch=$ARCH -S fchmod -F exe="$GEN" -k "$KEY" >/dev/null
}

logsize() { stat -c %s "$W/log/audit.log" 2>/dev/null || echo 0; }

# The kernel queue empty and the log not growing, twice in a row.
wait_quiet() {
	_last=-1 _calm=0 _i=0
	while [ $_calm -lt 2 ] && [ $_i -lt 600 ]; do
		sleep 0.2; _i=$((_i + 1))
		_now=$(logsize)
		if [ "$(kv backlog)" = 0 ] && [ "$_now" = "$_last" ]; then
			_calm=$((_calm + 1))
		else
			_calm=0
		fi
		_last=$_now
	done
}

# run_gen LIMIT ARGS: the generator, its line in $W/gen.out. In the
# background of this shell (never in a command substitution) so that a
# signal's trap runs at once and cleanup can stop it by pid. A generator
# still running after LIMIT seconds is stuck behind a daemon that stopped
# reading: the daemon is stopped, which lets the kernel drain its queue.
run_gen() {
	_limit=$(($1 * 5)); shift
	"$GEN" "$@" >"$W/gen.out" &
	GPID=$!
	_i=0
	while kill -0 "$GPID" 2>/dev/null; do
		sleep 0.2; _i=$((_i + 1))
		if [ $_i = "$_limit" ] && [ -n "$DPID" ]; then
			say "generator stuck for $((_limit / 5)) s: stopping the daemon"
			stop_pid "$DPID"; DPID=
		fi
	done
	wait "$GPID"
	GPID=
}

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# session ROUND MODE LIMIT WAIT RATE DAEMON: one TSV row on $W/rows.tsv.
session() {
	"$REF_AUDITCTL" -b "$3" --backlog_wait_time "$4" >/dev/null
	start_daemon "$6" || { stop_pid "$DPID"; DPID=; wait_unregistered; return 1; }
	_lost0=$(kv lost) _cpu0=$(cpu_ticks "$DPID") _k0=$(cpu_ticks "${KAUDITD:-0}")
	: "${_cpu0:=0}" "${_k0:=0}"
	if [ "$5" = 0 ]; then
		run_gen 300 -n "$EVENTS"
	else
		run_gen $((SECS + 60)) -r "$5" -d "$SECS"
	fi
	_g=$(cat "$W/gen.out")
	wait_quiet
	if [ -n "$DPID" ] && kill -0 "$DPID" 2>/dev/null; then
		_cpu1=$(cpu_ticks "$DPID") _hwm=$(hwm_kb "$DPID")
	else
		say "$6 died during the session: $(tail -n 3 "$W/daemon.err")"
		_cpu1=$_cpu0 _hwm=0
	fi
	_lost1=$(kv lost) _k1=$(cpu_ticks "${KAUDITD:-0}")
	_end=$(stat -c %.9Y "$W/log/audit.log" 2>/dev/null)
	"$REF_AUDITCTL" -D >/dev/null
	[ -n "$DPID" ] && stop_pid "$DPID"; DPID=
	wait_unregistered || say "warning: pid still registered after $6 stopped"
	if [ "$6" = ceiling ]; then
		_logged=$(field "$(cat "$W/drain.out")" keyed)
		_end=$(field "$(cat "$W/drain.out")" last)
	else
		_logged=$(grep -c "type=SYSCALL.*key=\"$KEY\"" "$W/log/audit.log" 2>/dev/null)
	fi
	_e2e=$(awk -v a="$(field "$_g" start)" -v b="${_end:-0}" \
		'BEGIN { printf "%.6f", (b > a ? b - a : 0) }')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		"$1" "$2" "$3" "$5" "$6" "$(field "$_g" calls)" \
		"$(field "$_g" elapsed)" "${_logged:-0}" $((${_lost1:-0} - ${_lost0:-0})) \
		$((${_cpu1:-0} - _cpu0)) "${_hwm:-0}" "$CLK_TCK" "$_e2e" \
		"$(field "$_g" cpu)" $((${_k1:-0} - _k0)) >>"$W/rows.tsv"
	tail -n 1 "$W/rows.tsv" | awk -F'\t' '{ printf "ingest: round %s %s limit %s rate %s %-9s sent %s in %.2fs logged %s lost %s (%.0f ev/s)\n",
		$1, $2, $3, $4, $5, $6, $7, $8, $9, ($7 > 0 ? $8 / $7 : 0) }' >&2
}

# ---- the run ----

# shellcheck disable=SC2086 # split the list on purpose
order() {	# daemons in order, reversed on even rounds
	if [ $(($1 % 2)) = 0 ]; then printf '%s\n' $DAEMONS | tac | tr '\n' ' '
	else printf '%s ' $DAEMONS; fi
}

: >"$W/rows.tsv"
START=$(date +%s)
r=1
while [ $r -le "$ROUNDS" ]; do
	for d in $(order $r); do session $r blocking 8192 60000 0 "$d"; done
	for lim in $LIMITS; do
		for rate in $RATES; do
			for d in $(order $r); do session $r nonblocking "$lim" 0 "$rate" "$d"; done
		done
	done
	r=$((r + 1))
done
ELAPSED=$(( $(date +%s) - START ))

# ---- the report ----

report() {
	echo "## Ingest benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "- machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), kernel $(uname -r), $(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	echo "- command: ${QUICK:+QUICK=$QUICK }EVENTS=$EVENTS ROUNDS=$ROUNDS RATES=\"$RATES\" LIMITS=\"$LIMITS\" SECS=$SECS sh bench/ingest/run.sh ($ELAPSED s)"
	echo "- auditd.conf: log_format ENRICHED, flush INCREMENTAL_ASYNC, freq 50, priority_boost 4, no rotation, no plugins"
	echo "- rule: -a always,exit -F arch=$ARCH -S fchmod -F exe=.../gen -k $KEY; an event is 3 records (SYSCALL, PROCTITLE, EOE); lost counts records"
	[ -x "$OURS_AUDITD" ] || echo "- ours: not built"
	echo
	awk -F'\t' -f "$TOP/bench/ingest/report.awk" "$W/rows.tsv"
	echo
	echo "<details><summary>raw rows</summary>"
	echo
	echo '```'
	echo "round	mode	backlog_limit	rate	daemon	sent	gen_seconds	logged	lost	cpu_ticks	vmhwm_kb	clk_tck	e2e_seconds	gen_cpu_seconds	kauditd_ticks"
	cat "$W/rows.tsv"
	echo '```'
	echo "</details>"
}

mkdir -p "$RESULTS"
OUT=$RESULTS/ingest-$(date -u +%Y%m%d-%H%M%S).md
report | tee "$OUT"
say "written to $OUT"
