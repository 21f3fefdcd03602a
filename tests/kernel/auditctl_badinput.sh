#!/bin/sh
# auditctl_badinput.sh (kernel): bad command lines, bad rules and bad rule
# files given to our auditctl and to the reference's. For every case the
# two must agree on exit code, stdout and stderr byte for byte, neither may
# crash, hang or be missing (exit 124..254) and both must leave the
# kernel's rule list the same (the reference leaves it unchanged). This
# is a kernel test, not a cli one: even failing commands open the audit
# socket, so it needs the kernel lock, and kernel_begin also restores
# the kernel if one of the two wrongly accepts a case.
# Cases: malformed options (table below), every rule of
# data/rules/rejected.rules, a duplicate rule, -R on bad files and files
# with bad lines (with and without -c/-i), and both run unprivileged.
# Never passes --loginuid-immutable, -e 2 or -f 2, not even as bad input.
. "$(dirname "$0")/../lib.sh"
kernel_begin
set -f # table lines are split on blanks and never globbed

OURS_TIMEOUT=10
[ -x "$OURS" ] || diag "no $OURS: every comparison below fails"
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups --"

# $AS prefixes both commands under test (empty: run as root).
AS=""
ref() { $AS "$REF_AUDITCTL" "$@"; }

# Start from no rules so "nothing changed" and the delete cases are exact.
kref -D >/dev/null 2>&1
kernel_rules "$TMP/base.list"

# restore_base: put the kernel back to base.list after a case changed it.
restore_base() {
	kref -D >/dev/null 2>&1
	grep -v '^No rules' "$TMP/base.list" >"$TMP/base.rules"
	chmod 0640 "$TMP/base.rules"
	[ -s "$TMP/base.rules" ] && kref -R "$TMP/base.rules" >/dev/null 2>&1
	return 0
}

# crashed RC: the exit code of a run that did not end by itself: 124
# timeout, 126/127 could not run, 128+N killed by signal N. (255 is
# the reference's ordinary failure code.)
crashed() { [ "$1" -ge 124 ] && [ "$1" -le 254 ]; }

# agree DESC EXPECTED_LIST ACTUAL_LIST: one TAP line for the runs captured
# as $TMP/ref.* and $TMP/ours.*: same exit code, stdout and stderr, no
# crash or hang, and the kernel's list ACTUAL_LIST equal to EXPECTED_LIST.
agree() {
	_why=""
	crashed "$(rc_of ref)" && _why="$_why reference-crashed"
	crashed "$(rc_of ours)" && _why="$_why ours-crashed-hung-or-missing"
	cmp -s "$TMP/ref.rc" "$TMP/ours.rc" || _why="$_why exit-code"
	cmp -s "$TMP/ref.out" "$TMP/ours.out" || _why="$_why stdout"
	# The reference follows two messages with a stray empty line; ours
	# does not (docs/COMPAT.md), so empty lines do not count.
	grep -v '^$' "$TMP/ref.err" >"$TMP/ref.err.cmp"
	grep -v '^$' "$TMP/ours.err" >"$TMP/ours.err.cmp"
	cmp -s "$TMP/ref.err.cmp" "$TMP/ours.err.cmp" || _why="$_why stderr"
	cmp -s "$2" "$3" || _why="$_why kernel-rules"
	if [ -z "$_why" ]; then ok "$1"; return 0; fi
	not_ok "$1"
	diag "differs:$_why (exit: reference $(rc_of ref), ours $(rc_of ours))"
	for _s in out err; do
		cmp -s "$TMP/ref.$_s" "$TMP/ours.$_s" ||
			diff -u "$TMP/ref.$_s" "$TMP/ours.$_s" | sed -n '3,12s/^/#   /p'
	done
	cmp -s "$2" "$3" || diff -u "$2" "$3" | sed -n '3,10s/^/#   /p'
	return 1
}

# both_argv DESC ARGS...: run ARGS with each auditctl; they must agree
# and leave the same kernel list (each run starts from base.list).
both_argv() {
	_d=$1; shift
	run_capture ref ref "$@"
	kernel_rules "$TMP/ref.list"
	cmp -s "$TMP/base.list" "$TMP/ref.list" || restore_base
	run_capture ours ours "$@"
	kernel_rules "$TMP/ours.list"
	cmp -s "$TMP/base.list" "$TMP/ours.list" || restore_base
	agree "$_d" "$TMP/ref.list" "$TMP/ours.list"
}

# Malformed options: one command line per table line ("-" alone: none).
# Everything here fails with the reference; nothing may change the kernel.
scenario_options() {
	while read -r _line; do
		case $_line in '#'*|'') continue ;; esac
		[ "$_line" = "-" ] && _line=""
		both_argv "options: auditctl $_line" $_line
	done <<'EOF'
-
-h
-Z
--bogus
-b
-b abc
-b -5
-r
-r x
-r -1
-e
-e 3
-e -1
-e x
-f
-f 3
-f -1
-f x
--backlog_wait_time
--backlog_wait_time -1
--backlog_wait_time x
--backlog_wait_time 600001
-a
-A
-d
-w
-W
-R
-m
-q
-q /mnt
-k foo
-p wa
-C uid=auid
-s -l
-l -s
-s -k foo
-s -i -i
-l -D
-l -k
-l -k a -k b
-m hello world
-m a -m b
-a always,exit -F arch=b64 -S openat -a always,exit -F arch=b64 -S open
-a always,exit -F arch=b64 -S openat extra
-- -a always,exit
--signal
--signal FOO
EOF
}

# Every rule of rejected.rules, as one command line.
scenario_rejected_rules() {
	while read -r _line; do
		case $_line in '#'*|'') continue ;; esac
		_short=$(printf '%.90s' "$_line")
		both_argv "rejected rule: $_short" $_line
	done <"$DATA/rules/rejected.rules"
}

# Adding a rule that is already there: the kernel says EEXIST.
scenario_duplicate() {
	_rule="-a always,exit -F arch=b64 -S openat -k auditkit_dup"
	kref $_rule
	kernel_rules "$TMP/base.list"
	both_argv "duplicate rule is refused" $_rule
	kref -D >/dev/null 2>&1
	kernel_rules "$TMP/base.list"
}

# rules_file NAME MODE LINES...: $TMP/NAME, root-owned, with MODE.
rules_file() {
	_f=$TMP/$1 _m=$2; shift 2
	printf '%s\n' "$@" >"$_f"
	chmod "$_m" "$_f"
}

# load_each FILE: -R FILE with each auditctl, each from no rules, leaving
# the runs as ref.* and ours.* and the kernel lists as ref.list, ours.list.
load_each() {
	kref -D >/dev/null 2>&1
	run_capture ref ref -R "$1"
	kernel_rules "$TMP/ref.list"
	kref -D >/dev/null 2>&1
	run_capture ours ours -R "$1"
	kernel_rules "$TMP/ours.list"
	kref -D >/dev/null 2>&1
}

# both_load DESC FILE: the two must agree and leave the same kernel list.
both_load() {
	load_each "$2"
	agree "$1" "$TMP/ref.list" "$TMP/ours.list"
}

# explains DESC PATTERN: where the reference fails silently (its -R
# reasons go only to syslog), ours fails the same way (exit code, stdout,
# kernel rules) and says why in one stderr line matching PATTERN.
explains() {
	_why=""
	cmp -s "$TMP/ref.rc" "$TMP/ours.rc" || _why="$_why exit-code"
	cmp -s "$TMP/ref.out" "$TMP/ours.out" || _why="$_why stdout"
	cmp -s "$TMP/ref.list" "$TMP/ours.list" || _why="$_why kernel-rules"
	[ -s "$TMP/ref.err" ] && _why="$_why reference-not-silent"
	head -n 1 "$TMP/ours.err" | grep -q -- "$2" || _why="$_why message"
	if [ -z "$_why" ]; then ok "$1"; return 0; fi
	not_ok "$1"
	diag "differs:$_why (exit: reference $(rc_of ref), ours $(rc_of ours))"
	sed 's/^/#   ours: /' "$TMP/ours.err"
}

load_explained() { # DESC FILE PATTERN
	load_each "$2"
	explains "$1" "$3"
}

# ours_loads DESC RC KEYS... -- ARGS: a deliberate difference: ours exits
# RC and leaves exactly the rules with KEYS loaded (none: "No rules").
ours_loads() {
	_d=$1 _rc=$2; shift 2
	_keys=""
	while [ "$1" != "--" ]; do _keys="$_keys $1"; shift; done
	shift
	kref -D >/dev/null 2>&1
	run_capture ours ours "$@"
	kernel_rules "$TMP/ours.list"
	kref -D >/dev/null 2>&1
	_got=$(sed -n 's/.*key=//p' "$TMP/ours.list" | tr '\n' ' ')
	_want=$(echo $_keys | tr ' ' '\n' | sed '/^$/d' | tr '\n' ' ')
	if [ "$(rc_of ours)" = "$_rc" ] && [ "$_got" = "$_want" ]; then
		ok "$_d"
	else
		not_ok "$_d"
		diag "ours exit $(rc_of ours) (want $_rc), keys loaded '$_got' (want '$_want')"
		sed 's/^/#   ours: /' "$TMP/ours.err"
	fi
}

scenario_rule_files() {
	good="-a always,exit -F arch=b64 -S openat -k rf_good"
	bad="-a always,exit -F arch=b64 -S bogus -k rf_bad"
	after="-a always,exit -F arch=b64 -S open -k rf_after"
	rules_file ok.rules 0640 "$good"
	both_load "-R good file" "$TMP/ok.rules"
	load_explained "-R missing file" "$TMP/nonexistent.rules" "^Error opening rules file .*No such file"
	mkdir "$TMP/dir.rules"
	load_explained "-R a directory" "$TMP/dir.rules" "is not a regular file"
	load_explained "-R relative path" "relative.rules" "^Error opening rules file relative.rules"
	rules_file gw.rules 0660 "$good"
	# The reference loads a group-writable file; ours refuses it.
	ours_loads "-R group-writable file is refused (COMPAT.md)" 1 -- -R "$TMP/gw.rules"
	rules_file ow.rules 0646 "$good"
	load_explained "-R world-writable file" "$TMP/ow.rules" "writable by group or others"
	rules_file nobody.rules 0600 "$good"
	chown nobody "$TMP/nobody.rules"
	load_explained "-R file owned by nobody" "$TMP/nobody.rules" "is not owned by root"
	rules_file badline.rules 0640 "# comment" "$good" "$bad" "$after"
	both_load "-R stops at a bad line" "$TMP/badline.rules"
	rules_file cont.rules 0640 "-c" "$good" "$bad" "$after" "-w relative" \
		"-a always,exit -F arch=b64 -S creat -k rf_last"
	both_load "-R with -c goes on past bad lines" "$TMP/cont.rules"
	rules_file ign.rules 0640 "-i" "$good" "$bad" "$after"
	both_load "-R with -i ignores errors" "$TMP/ign.rules"
	rules_file dup.rules 0640 "$good" "$good" "$after"
	both_load "-R duplicate line" "$TMP/dup.rules"
	rules_file nest.rules 0640 "-R $TMP/ok.rules"
	load_explained "-R nested -R" "$TMP/nest.rules" "^Error - nested rule files not supported"
	rules_file trail.rules 0640 "$good # trailing comment"
	load_explained "-R trailing comment" "$TMP/trail.rules" "^parameter passed without an option given"
	printf '\t# tab then comment\n%s\n' "$good" >"$TMP/tab.rules"
	chmod 0640 "$TMP/tab.rules"
	# The reference fails on a tab-indented comment; ours skips it.
	ours_loads "-R comment after a tab is a comment (COMPAT.md)" 0 rf_good -- -R "$TMP/tab.rules"
	rules_file msg.rules 0640 "-m two words"
	load_explained "-R -m with two words" "$TMP/msg.rules" "^The -m option must be only the only option"
	# The reference cannot combine -c with -R on the command line at all;
	# ours applies -c wherever it stands (COMPAT.md).
	ours_loads "-R then -c on the command line" 1 rf_good rf_after -- -R "$TMP/badline.rules" -c
	ours_loads "-c then -R on the command line" 1 rf_good rf_after -- -c -R "$TMP/badline.rules"
}

# Unprivileged: both refuse before touching anything.
scenario_unprivileged() {
	rules_file np.rules 0644 "-a always,exit -F arch=b64 -S openat -k np"
	while read -r _line; do
		case $_line in '#'*|'') continue ;; esac
		[ "$_line" = "-" ] && _line=""
		AS=$NOBODY
		both_argv "as nobody: auditctl $(echo "$_line" | sed "s|$TMP/||")" $_line
		AS=""
	done <<EOF
-
-h
-v
-s
-l
-D
-b 100
-e 0
-m hello
--reset-lost
-a always,exit -F arch=b64 -S openat -k np
-w /etc/passwd -p wa
-R $TMP/np.rules
EOF
}

scenario_options
scenario_rejected_rules
scenario_duplicate
scenario_rule_files
scenario_unprivileged
plan_done
