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
