#!/bin/sh
# aureport_json: --format json (auditkit's own) prints one valid JSON
# document per report, for every report and its summary, on clean and on
# non-UTF-8 logs, with as many rows as the text report and the same exit
# status.
. "$(dirname "$0")/../lib.sh"

[ -x "$BIN/aureport" ] || skip_all "$BIN/aureport not built"
command -v python3 >/dev/null || skip_all "python3 missing"
AR=$BIN/aureport
export TZ=UTC LC_ALL=C

# rows FILE: the number of rows (or summary lines) of a JSON report.
rows() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d.get("rows", [])))' "$1"
}

for log in "$DATA/aureport/mixed.log" "$DATA/aureport/edge.log" \
	"$DATA/search/damaged/nonutf8.log"; do
	[ -f "$log" ] || { skip "$log missing"; continue; }
	name=${log#"$DATA"/}
	for r in -a -au --comm -c -cr -e -f -h -k -l -m -ma -n -p -r -s -t -tm \
		--tty -u --virt -x --integrity; do
		for v in "" --summary; do
			case "$r$v" in -t--summary|--tty--summary) continue ;; esac
			"$AR" -if "$log" $r $v --format json >"$TMP/j" 2>/dev/null
			jrc=$?
			"$AR" -if "$log" $r $v >"$TMP/t" 2>/dev/null
			trc=$?
			if ! python3 -m json.tool "$TMP/j" >/dev/null 2>&1; then
				not_ok "$name $r $v: valid JSON"
				continue
			fi
			want=$(grep -Ec '^[0-9]+\.? ' "$TMP/t")
			[ "$r" = -t ] && want=$(grep -c ': ' "$TMP/t")
			got=$(rows "$TMP/j")
			if [ "$got" = "$want" ] && [ "$jrc" = "$trc" ]; then
				ok "$name $r $v: valid JSON, $got rows, status $jrc"
			else
				not_ok "$name $r $v: $got rows (text $want), status $jrc (text $trc)"
			fi
		done
	done
done

# The main summary: the counts are the text report's numbers.
"$AR" -if "$DATA/aureport/mixed.log" --format json >"$TMP/j"
"$AR" -if "$DATA/aureport/mixed.log" >"$TMP/t"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(str(v) for v in d["counts"].values()))' "$TMP/j" >"$TMP/jc"
sed -n 's/^Number of .*: //p' "$TMP/t" | tr '\n' ' ' | sed 's/ $//' >"$TMP/tc"
echo >>"$TMP/tc"
same_file "main summary JSON counts equal the text counts" "$TMP/tc" "$TMP/jc"

# Bytes that are not UTF-8 and control bytes become \u00XX escapes.
printf 'type=SYSCALL msg=audit(1700000001.000:1): arch=c000003e syscall=2 success=yes exit=0 items=0 ppid=1 pid=2 auid=0 uid=0 tty=(none) ses=1 comm="a" exe=2F7573722F62696E2F80011B22 key=(null)\n' >"$TMP/bin.log"
"$AR" -if "$TMP/bin.log" -x --format json >"$TMP/j"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["rows"][0]["exe"] == "/usr/bin/\u0080\u0001\u001b\""' "$TMP/j"; then
	ok "control and non-UTF-8 bytes are escaped, one \\u00XX per byte"
else
	not_ok "control and non-UTF-8 bytes are escaped"
fi

plan_done
