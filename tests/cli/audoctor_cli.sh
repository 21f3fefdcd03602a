#!/bin/sh
# audoctor's command line: --help, bad options and arguments (one line on
# stderr, exit 3, nothing checked), the JSON document's shape, the exit
# status following the worst finding, and a run as an unprivileged user:
# the checks it cannot do are listed with the reason, the rest still run.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/audoctor_lib.sh"
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"

# usage_error DESC ARGS...: exit 3, one line on stderr, nothing on stdout.
usage_error() {
	_d=$1; shift
	"$AUDOCTOR" "$@" >"$TMP/u.out" 2>"$TMP/u.err"
	_rc=$?
	if [ "$_rc" = 3 ] && [ ! -s "$TMP/u.out" ] && [ "$(wc -l <"$TMP/u.err")" -ge 1 ] &&
		grep -q '^audoctor: ' "$TMP/u.err"; then
		ok "$_d"
	else
		not_ok "$_d (exit $_rc)"
		sed 's/^/#   /' "$TMP/u.err" "$TMP/u.out" | head -5
	fi
}

"$AUDOCTOR" --help >"$TMP/h.out" 2>&1
check "--help prints the usage and exits 0" [ $? = 0 ]
check "--help names plan" grep -q 'audoctor plan' "$TMP/h.out"
usage_error "an unknown option" --frobnicate
usage_error "--watch without a number" --watch forever
usage_error "--watch above an hour" --watch 3601
usage_error "--watch negative" --watch -1
usage_error "--watch with no argument" --watch
usage_error "a stray argument before --log" stray
usage_error "-c with an empty directory" -c ""
check "the unknown option is quoted" grep -q 'frobnicate' "$(
	"$AUDOCTOR" --frobnicate 2>"$TMP/f.err"; echo "$TMP/f.err")"

# A config dir that does not exist: the disk check is skipped with the
# path in the reason, the JSON is still whole, the exit status at least 1.
doctor --watch 0 -c "$TMP/nowhere" --kmsg /dev/null
check "missing config dir: exit status 1 or 2 ($DOCTOR_RC)" [ "$DOCTOR_RC" = 1 ] || [ "$DOCTOR_RC" = 2 ]
check "missing config dir: valid JSON with findings, status, skipped" \
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert set(d) == {"findings","status","skipped"}' "$TMP/doctor.json"
check "missing config dir: the reason names the file" \
	sh -c 'python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[\"skipped\"])" "$1" | grep -q "nowhere/auditd.conf"' _ "$TMP/doctor.json"

# The exit status is the worst severity's: recompute it from the JSON.
want=$(python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
s=[f["severity"] for f in d["findings"]]
print(2 if "problem" in s else 1 if ("warning" in s or d["skipped"]) else 0)' "$TMP/doctor.json")
check "exit status $DOCTOR_RC is the worst severity's ($want)" [ "$DOCTOR_RC" = "$want" ]
check "findings are worst first" python3 -c '
import json,sys
r={"problem":0,"warning":1,"info":2}
s=[r[f["severity"]] for f in json.load(open(sys.argv[1]))["findings"]]
assert s == sorted(s)' "$TMP/doctor.json"
check "every finding has id, severity, summary, evidence, fix" python3 -c '
import json,sys
for f in json.load(open(sys.argv[1]))["findings"]:
    assert set(f) == {"id","severity","summary","evidence","fix"}, f
    assert f["id"] and f["summary"] and isinstance(f["evidence"], dict)' "$TMP/doctor.json"

# The text form: a headline, the skipped checks under "not checked".
"$AUDOCTOR" --watch 0 -c "$TMP/nowhere" --kmsg /dev/null >"$TMP/t.out" 2>"$TMP/t.err"
check "text: headline" grep -Eq '^audoctor: [0-9]+ problems?, [0-9]+ warnings?, [0-9]+ notes?' "$TMP/t.out"
check "text: not checked names the disk check" grep -q '^    disk: ' "$TMP/t.out"
check "text: nothing on stderr" [ ! -s "$TMP/t.err" ]

# Unprivileged: the kernel cannot be asked; that is said, not guessed.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	chmod 755 "$TMP"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$AUDOCTOR" --json --watch 0 -c "$TMP/nowhere" \
		>"$TMP/doctor.json" 2>"$TMP/doctor.err"
	DOCTOR_RC=$?
	r=$(doctor_skipped "kernel queue and daemon")
	case $r in
	*"permission denied"*|*"no audit support"*) ok "not root: the kernel checks are skipped: $r" ;;
	*) not_ok "not root: the kernel checks are skipped (got '$r', exit $DOCTOR_RC)" ;;
	esac
	check "not root: exit status 1 or 2, not a crash ($DOCTOR_RC)" [ "$DOCTOR_RC" = 1 ] || [ "$DOCTOR_RC" = 2 ]
	check "not root: status is empty" [ "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["status"]))' "$TMP/doctor.json")" = 0 ]
else
	skip "not root: needs root and setpriv to switch users"
fi
plan_done
