# tests/data/augenrules/helpers.sh: shared by the augenrules scenario
# scripts (tests/cli/augenrules_*.sh), sourced after tests/lib.sh.
#
# The oracle is the reference augenrules (a shell script), copied to $TMP
# at run time with its hard-coded paths turned into our environment
# variables, so both programs can run on the same rules directory without
# touching /etc and without loading anything into the kernel:
#   rules dir and output file -> $AUGENRULES_RULES_DIR, $AUGENRULES_OUTPUT
#   the auditctl it runs      -> $AUGENRULES_AUDITCTL (a fake, see below)
#   awk's "\s" (white space)  -> "[[:space:]]"
#   its scratch file in /tmp   -> $TMP/reftmp (it leaves one behind when
#                                 it prints its usage)
# The "\s" rewrite is needed because Debian's default awk (mawk) reads
# "\s" as a plain "s": the reference then keeps indented comments and
# treats "s#..." as a comment. With gawk, or with this rewrite, it strips
# white-space-indented comments as it says it does; that is the behaviour
# auditkit implements (augenrules(8), COMPATIBILITY).
#
# Both programs are run as ./augenrules from their own directory, so the
# program name in their messages is the same string.

FAKE_AUDITCTL=$TMP/fake-auditctl

# ar_setup: prepare $TMP/ours/augenrules, $TMP/ref/augenrules and the fake
# auditctl. Skips the whole script when a piece is missing.
ar_setup() {
	[ -x "$BIN/augenrules" ] || skip_all "no $BIN/augenrules (build first)"
	mkdir -p "$TMP/ours" "$TMP/ref"
	ln -s "$BIN/augenrules" "$TMP/ours/augenrules"
	ar_fake_auditctl
	[ -r "$REF_AUGENRULES" ] || skip_all "reference augenrules missing"
	# shellcheck disable=SC2016 # the $ names are for the copied script
	sed -e 's|^DestinationFile=.*|DestinationFile=$AUGENRULES_OUTPUT|' \
	    -e 's|^SourceRulesDir=.*|SourceRulesDir=$AUGENRULES_RULES_DIR|' \
	    -e 's|/sbin/auditctl|$AUGENRULES_AUDITCTL|g' \
	    -e 's/\\\\s/[[:space:]]/g' \
	    -e 's|mktemp /tmp/aurules|mktemp $AR_REF_TMPDIR/aurules|' \
	    "$REF_AUGENRULES" >"$TMP/ref/augenrules"
	chmod 755 "$TMP/ref/augenrules"
	# Make sure every rewrite took: an oracle still pointing at /etc or
	# at the real auditctl must never run.
	_o=$TMP/ref/augenrules
	# shellcheck disable=SC2016
	if ! grep -q '^DestinationFile=\$AUGENRULES_OUTPUT$' "$_o" ||
	   ! grep -q '^SourceRulesDir=\$AUGENRULES_RULES_DIR$' "$_o" ||
	   ! grep -q 'AUGENRULES_AUDITCTL -R' "$_o" ||
	   ! grep -q 'mktemp \$AR_REF_TMPDIR/' "$_o" ||
	   grep -q '/sbin/auditctl' "$_o" || grep -q '\\\\s' "$_o"; then
		skip_all "reference augenrules is not the expected 3.0.9 script"
	fi
}

# The fake auditctl: appends its arguments to $FAKE_LOG (one line per
# call), answers -s with "enabled $FAKE_ENABLED" (default 1), and exits
# with $FAKE_RC (default 0) for anything else.
ar_fake_auditctl() {
	cat >"$FAKE_AUDITCTL" <<'EOS'
#!/bin/sh
echo "$*" >>"${FAKE_LOG:-/dev/null}"
if [ "$1" = -s ]; then
	printf 'enabled %s\nfailure 1\npid 0\nrate_limit 0\nbacklog_limit 64\n' "${FAKE_ENABLED:-1}"
	exit 0
fi
exit "${FAKE_RC:-0}"
EOS
	chmod 755 "$FAKE_AUDITCTL"
}

# ar_run IMPL CASE RULESDIR ARGS...: run IMPL (ours or ref) on RULESDIR
# with output $TMP/CASE.IMPL/audit.rules; leaves out, err, rc and
# auditctl.log (the fake's record) and loads in $TMP/CASE.IMPL/.
ar_run() {
	_impl=$1 _case=$2 _rd=$3; shift 3
	_w=$TMP/$_case.$_impl
	mkdir -p "$_w"
	mkdir -p "$TMP/reftmp"
	(cd "$TMP/$_impl" && AR_REF_TMPDIR=$TMP/reftmp \
	 AUGENRULES_RULES_DIR=$_rd AUGENRULES_OUTPUT=$_w/audit.rules \
	 AUGENRULES_AUDITCTL=${AR_AUDITCTL:-$FAKE_AUDITCTL} FAKE_LOG=$_w/auditctl.log \
	 ./augenrules "$@" >"$_w/out" 2>"$_w/err"; echo $? >"$_w/rc")
	# loads: the -R calls only (ours asks "-s" first, the reference does
	# not), with the per-program output directory written as OUTDIR.
	: >"$_w/loads"
	[ -f "$_w/auditctl.log" ] &&
		grep -v '^-s$' "$_w/auditctl.log" | sed "s|$_w|OUTDIR|g" >"$_w/loads"
	return 0
}

# ar_seed CASE FILE: start both outputs of CASE as a copy of FILE.
ar_seed() {
	mkdir -p "$TMP/$1.ours" "$TMP/$1.ref"
	cp "$2" "$TMP/$1.ours/audit.rules"
	cp "$2" "$TMP/$1.ref/audit.rules"
	chmod 640 "$TMP/$1.ours/audit.rules" "$TMP/$1.ref/audit.rules"
}

# ar_both CASE RULESDIR ARGS...: run ours and the reference.
ar_both() {
	ar_run ours "$@"
	ar_run ref "$@"
}

# ar_same_file DESC CASE FILE: FILE identical (or absent in both).
ar_same_file() {
	_a=$TMP/$2.ref/$3 _b=$TMP/$2.ours/$3
	if [ ! -e "$_a" ] && [ ! -e "$_b" ]; then ok "$1"; return; fi
	if [ ! -e "$_b" ]; then not_ok "$1 (ours has no $3)"; return; fi
	if [ ! -e "$_a" ]; then not_ok "$1 (only ours has $3)"; return; fi
	same_file "$1" "$_a" "$_b"
}

# ar_compare CASE: the checks every differential case makes.
ar_compare() {
	ar_same_file "$1: audit.rules" "$1" audit.rules
	ar_same_file "$1: audit.rules.prev" "$1" audit.rules.prev
	ar_same_file "$1: stdout" "$1" out
	ar_same_file "$1: stderr" "$1" err
	ar_same_file "$1: exit status" "$1" rc
	ar_same_file "$1: auditctl calls" "$1" loads
	for _f in audit.rules audit.rules.prev; do
		[ -e "$TMP/$1.ours/$_f" ] || continue
		_m=$(stat -c %a "$TMP/$1.ours/$_f")
		_r=$(stat -c %a "$TMP/$1.ref/$_f" 2>/dev/null)
		if [ "$_m" = "$_r" ]; then ok "$1: $_f mode $_m"
		else not_ok "$1: $_f mode $_m, reference $_r"; fi
	done
}

# ar_expect DESC CASE IMPL FILE EXPECTED-TEXT: FILE holds exactly the text
# (printf %s of it, so give the final newline yourself).
ar_expect() {
	printf '%s' "$5" >"$TMP/expect.$$"
	same_file "$1" "$TMP/expect.$$" "$TMP/$2.$3/$4"
}
