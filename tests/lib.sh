# tests/lib.sh: helpers for black-box test scripts, sourced by each one.
#
# Output is TAP: ok/not ok lines, counted by tests/run. A script calls
# plan_done at the end (or skip_all at any point).
#
# Kernel tests call kernel_begin first. It enforces DESIGN.md's rules:
# one kernel test at a time (an exclusive flock), skip cleanly where the
# kernel has no audit or the caller is not root, and save the kernel's
# audit status and rule list, restored by an EXIT trap on every path.
# The restore uses the reference auditctl, so a bug in ours cannot stop it.
# Nothing here ever sets failure 2 or enabled 2.

: "${AUDITKIT_BUILD:=$(cd "$(dirname "$0")/../.." && pwd)/build}"
BIN=$AUDITKIT_BUILD/bin
REF_AUDITCTL=/usr/sbin/auditctl
REF_AUGENRULES=/usr/sbin/augenrules
TOP=$(cd "$(dirname "$0")/../.." && pwd)
DATA=$TOP/tests/data

_n=0
_failed=0
TMP=$(mktemp -d /tmp/auditkit-test.XXXXXX)

ok() { _n=$((_n + 1)); echo "ok $_n - $*"; }
not_ok() { _n=$((_n + 1)); _failed=$((_failed + 1)); echo "not ok $_n - $*"; }
skip() { _n=$((_n + 1)); echo "ok $_n - $* # SKIP"; }
diag() { echo "# $*"; }

skip_all() {
	echo "1..0 # SKIP $*"
	echo "ok 1 - $(basename "$0") # SKIP $*"
	exit 0
}

plan_done() {
	echo "1..$_n"
	# A kernel test's EXIT trap still needs $TMP/saved.rules; it removes $TMP.
	[ "$_kernel_saved" = 1 ] || rm -rf "$TMP"
	[ "$_failed" -eq 0 ]
	exit $?
}

# check DESC CMD...: ok when CMD exits 0.
check() {
	_d=$1; shift
	if "$@"; then ok "$_d"; else not_ok "$_d"; fi
}

# same_file DESC EXPECTED ACTUAL: ok when byte-identical; a diff otherwise.
same_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		not_ok "$1"
		diff -u "$2" "$3" | head -40 | sed 's/^/# /'
	fi
}

# run_capture NAME CMD...: run CMD, leaving NAME.out, NAME.err, NAME.rc in $TMP.
run_capture() {
	_name=$1; shift
	"$@" >"$TMP/$_name.out" 2>"$TMP/$_name.err"
	echo $? >"$TMP/$_name.rc"
}
rc_of() { cat "$TMP/$1.rc"; }

# same_run DESC A B: runs A (the reference's) and B (ours), captured by
# run_capture, had the same exit code, stdout and stderr. One TAP line;
# a diff when not.
same_run() {
	if cmp -s "$TMP/$2.rc" "$TMP/$3.rc" &&
		cmp -s "$TMP/$2.out" "$TMP/$3.out" &&
		cmp -s "$TMP/$2.err" "$TMP/$3.err"; then
		ok "$1"
		return 0
	fi
	not_ok "$1"
	diag "exit: reference $(rc_of "$2"), ours $(rc_of "$3")"
	for _s in out err; do
		cmp -s "$TMP/$2.$_s" "$TMP/$3.$_s" ||
			diff -u "$TMP/$2.$_s" "$TMP/$3.$_s" | sed -n '3,20s/^/#   /p'
	done
	return 1
}

# ---- our auditctl and the reference's ----

OURS=$BIN/auditctl
OURS_TIMEOUT=${OURS_TIMEOUT:-30}
_hangs=0
# ours ARGS: our auditctl, time-limited so that a hang is a failure and not
# a stuck test run; after two hangs it is not run at all. $AS, when set,
# prefixes it (e.g. to run it unprivileged).
ours() {
	if [ "$_hangs" -ge 2 ]; then
		echo "(not run: $OURS hung twice)" >&2
		return 124
	fi
	$AS timeout -k 2 "$OURS_TIMEOUT" "$OURS" "$@"
	_rc=$?
	if [ "$_rc" = 124 ] || [ "$_rc" = 137 ]; then _hangs=$((_hangs + 1)); fi
	return "$_rc"
}
# kref ARGS: the reference auditctl, as root, to set up and inspect.
kref() { "$REF_AUDITCTL" "$@"; }

# ---- the real kernel ----

_kernel_saved=0

kernel_begin() {
	[ "$(id -u)" = 0 ] || skip_all "kernel test needs root"
	[ -x "$REF_AUDITCTL" ] || skip_all "reference auditctl missing (run scripts/bootstrap)"
	if ! _st=$("$REF_AUDITCTL" -s 2>&1); then
		case "$_st" in
		*"Protocol not supported"*|*"protocol not supported"*) skip_all "no kernel audit here (EPROTONOSUPPORT)" ;;
		esac
		skip_all "kernel audit unusable: $_st"
	fi
	exec 9>/tmp/auditkit-kernel-test.lock
	if ! flock -w 600 9; then
		echo "not ok 1 - could not take the kernel test lock"
		exit 1
	fi
	_kv() { "$REF_AUDITCTL" -s | awk -v k="$1" '$1 == k { print $2 }'; }
	SAVED_ENABLED=$(_kv enabled)
	SAVED_FAILURE=$(_kv failure)
	SAVED_BACKLOG=$(_kv backlog_limit)
	SAVED_RATE=$(_kv rate_limit)
	SAVED_WAIT=$(_kv backlog_wait_time)
	"$REF_AUDITCTL" -l >"$TMP/saved.rules" 2>/dev/null
	grep -q '^No rules' "$TMP/saved.rules" && : >"$TMP/saved.rules"
	if [ "$SAVED_ENABLED" = 2 ]; then
		skip_all "kernel audit is locked (enabled 2): nothing can be changed"
	fi
	_kernel_saved=1
	trap kernel_restore EXIT
	trap 'exit 130' INT TERM HUP
}

# Put back exactly what kernel_begin saw. Safe to call more than once.
kernel_restore() {
	[ "$_kernel_saved" = 1 ] || return 0
	"$REF_AUDITCTL" -D >/dev/null 2>&1
	daemon_kill_all
	if [ -s "$TMP/saved.rules" ]; then
		"$REF_AUDITCTL" -R "$TMP/saved.rules" >/dev/null 2>&1
	fi
	"$REF_AUDITCTL" -b "$SAVED_BACKLOG" -r "$SAVED_RATE" \
		--backlog_wait_time "$SAVED_WAIT" >/dev/null 2>&1
	[ "$SAVED_FAILURE" = 2 ] || "$REF_AUDITCTL" -f "$SAVED_FAILURE" >/dev/null 2>&1
	"$REF_AUDITCTL" -e "$SAVED_ENABLED" >/dev/null 2>&1
	rm -rf "$TMP"
}

# kernel_rules FILE: the kernel's rule list as the reference prints it.
kernel_rules() { "$REF_AUDITCTL" -l >"$1" 2>&1; }

# --- Daemon tests -------------------------------------------------------
# daemon_begin (after kernel_begin): skip when another live process is the
# registered audit daemon, as DESIGN.md says: never take one over.
DAEMON_PIDS=""
REF_AUDITD=/usr/sbin/auditd
daemon_begin() {
	_dp=$("$REF_AUDITCTL" -s | awk '$1 == "pid" { print $2 }')
	if [ "${_dp:-0}" != 0 ] && kill -0 "$_dp" 2>/dev/null; then
		skip_all "another audit daemon (pid $_dp) is registered; not taking it over"
	fi
	[ -x "$BIN/auditd" ] || skip_all "build/bin/auditd missing"
}

# daemon_conf DIR [key = value lines on stdin]: DIR/auditd.conf, root
# owned, mode 0600, logging to DIR/log/audit.log in RAW, with every space
# action harmless. Lines on stdin are added first; the defaults here fill
# in only the keys they do not set.
daemon_conf() {
	mkdir -p "$1/log" "$1/plugins.d"
	{
		echo "log_file = $1/log/audit.log"
		echo "plugin_dir = $1/plugins.d"
		[ -t 0 ] || cat
	} >"$1/auditd.conf.new"
	for k in log_format flush freq num_logs max_log_file max_log_file_action \
		space_left space_left_action admin_space_left admin_space_left_action \
		disk_full_action disk_error_action log_group; do
		grep -q "^$k *=" "$1/auditd.conf.new" && continue
		case $k in
		log_format) echo "log_format = RAW" ;;
		flush) echo "flush = INCREMENTAL_ASYNC" ;;
		freq) echo "freq = 50" ;;
		num_logs) echo "num_logs = 5" ;;
		max_log_file) echo "max_log_file = 100" ;;
		max_log_file_action) echo "max_log_file_action = ROTATE" ;;
		space_left) echo "space_left = 2" ;;
		space_left_action) echo "space_left_action = SYSLOG" ;;
		admin_space_left) echo "admin_space_left = 1" ;;
		admin_space_left_action) echo "admin_space_left_action = SYSLOG" ;;
		disk_full_action) echo "disk_full_action = SUSPEND" ;;
		disk_error_action) echo "disk_error_action = SYSLOG" ;;
		log_group) echo "log_group = root" ;;
		esac
	done >>"$1/auditd.conf.new"
	mv "$1/auditd.conf.new" "$1/auditd.conf"
	chmod 600 "$1/auditd.conf"
}

# daemon_start PROGRAM DIR [options]: run `PROGRAM -n -c DIR options` in the
# background; wait (5 s) until the kernel names it as the daemon. Sets DPID.
# Returns 1 if it did not register.
daemon_start() {
	_prog=$1 _dir=$2
	shift 2
	"$_prog" -n -c "$_dir" "$@" >"$_dir/stdout" 2>"$_dir/stderr" &
	DPID=$!
	DAEMON_PIDS="$DAEMON_PIDS $DPID"
	_i=0
	while [ $_i -lt 50 ]; do
		[ "$("$REF_AUDITCTL" -s | awk '$1 == "pid" { print $2 }')" = "$DPID" ] && return 0
		kill -0 "$DPID" 2>/dev/null || return 1
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# daemon_stop [SIGNAL]: stop $DPID (TERM by default) and wait; sets DRC.
daemon_stop() {
	kill "-${1:-TERM}" "$DPID" 2>/dev/null
	wait "$DPID"
	DRC=$?
}

# daemon_registered: the kernel's registered pid.
daemon_registered() { "$REF_AUDITCTL" -s | awk '$1 == "pid" { print $2 }'; }

# Kill whatever daemon a test left running, and make sure the kernel lets
# go of it (a killed daemon's port is reset when the kernel next sends).
daemon_kill_all() {
	for _p in $DAEMON_PIDS; do
		kill -TERM "$_p" 2>/dev/null && wait "$_p" 2>/dev/null
	done
	DAEMON_PIDS=""
	_dp=$(daemon_registered)
	[ "${_dp:-0}" != 0 ] && ! kill -0 "$_dp" 2>/dev/null || return 0
	# A dead daemon's pid stays registered (and a new daemon is refused)
	# until a send to it fails; user messages are sent only while
	# auditing is on, so turn it on for the release (kernel_restore puts
	# enabled back).
	"$REF_AUDITCTL" -e 1 >/dev/null 2>&1
	_i=0
	while [ "$(daemon_registered)" != 0 ] && [ $_i -lt 20 ]; do
		"$REF_AUDITCTL" -m "auditkit test cleanup" >/dev/null 2>&1
		sleep 0.1
		_i=$((_i + 1))
	done
}
