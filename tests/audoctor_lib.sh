# tests/audoctor_lib.sh: helpers for audoctor's scenario tests, sourced
# after tests/lib.sh. audoctor's --json output is read with python3.
#
#   doctor [ARGS...]        run build/bin/audoctor --json ARGS; the output
#                           is $TMP/doctor.json, stderr $TMP/doctor.err,
#                           the exit status $DOCTOR_RC
#   doctor_has ID           the last run reported finding ID
#   doctor_severity ID      its severity (info, warning, problem)
#   doctor_evidence ID KEY  one evidence value
#   doctor_fix ID           its fix text
#   doctor_status KEY       one status figure
#   doctor_skipped CHECK    the reason CHECK was skipped ("" if it ran)
#   doctor_ids              every finding id, one per line
#   check_finding DESC ID [SEVERITY]   TAP line: ID reported (with SEVERITY)

AUDOCTOR=$BIN/audoctor

doctor() {
	timeout -k 2 120 "$AUDOCTOR" --json "$@" >"$TMP/doctor.json" 2>"$TMP/doctor.err"
	DOCTOR_RC=$?
}

_doctor_py() {
	python3 - "$TMP/doctor.json" "$@" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print("(no valid JSON: %s)" % e, file=sys.stderr)
    sys.exit(3)
what, args = sys.argv[2], sys.argv[3:]
def find(i):
    for f in d["findings"]:
        if f["id"] == i:
            return f
    return None
if what == "ids":
    for f in d["findings"]:
        print(f["id"])
elif what == "has":
    sys.exit(0 if find(args[0]) else 1)
elif what == "field":
    f = find(args[0])
    if not f:
        sys.exit(1)
    v = f["evidence"].get(args[2]) if args[1] == "evidence" else f.get(args[1])
    if v is None:
        sys.exit(1)
    print(v)
elif what == "status":
    v = d["status"].get(args[0])
    if v is None:
        sys.exit(1)
    print(v)
elif what == "skipped":
    for s in d.get("skipped", []):
        if s["check"] == args[0]:
            print(s["reason"])
PY
}

doctor_ids() { _doctor_py ids; }
doctor_has() { _doctor_py has "$1"; }
doctor_severity() { _doctor_py field "$1" severity; }
doctor_evidence() { _doctor_py field "$1" evidence "$2"; }
doctor_fix() { _doctor_py field "$1" fix; }
doctor_status() { _doctor_py status "$1"; }
doctor_skipped() { _doctor_py skipped "$1"; }

check_finding() {
	if doctor_has "$2" && { [ -z "$3" ] || [ "$(doctor_severity "$2")" = "$3" ]; }; then
		ok "$1"
	else
		not_ok "$1"
		diag "wanted $2${3:+ ($3)}; got: $(doctor_ids | tr '\n' ' ') (exit $DOCTOR_RC)"
		sed 's/^/#   /' "$TMP/doctor.err" | head -5
	fi
}
