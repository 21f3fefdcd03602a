#!/bin/sh
# ausearch_formats.sh: the output formats against the reference: default,
# raw, interpret (-i), csv (with the --extra-* columns), text, the escape
# modes, --line-buffered; and --format json (ours) is valid JSON.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../search_lib.sh"
[ -x "$REF_AUSEARCH" ] || skip_all "no reference ausearch"
[ -x "$BIN/ausearch" ] || skip_all "ausearch not built"
LOG=$DATA/ausearch/basic.log
ENR=$DATA/auditd-format/enriched.log

for f in "" "--raw" "-r" "--format raw" "--format default" "-i" \
	"--format interpret" "--format csv" "--format text" \
	"--format csv --extra-keys --extra-labels --extra-obj2 --extra-time" \
	"-l" "--escape raw -i" "--escape shell -i" "--escape shell_quote -i"; do
	# shellcheck disable=SC2086
	search_same "format '$f'" ausearch -if "$LOG" $f
	# shellcheck disable=SC2086
	search_same "format '$f', -k watch" ausearch -if "$LOG" -k watch $f
done
if [ -f "$ENR" ]; then
	search_same "enriched log, default" ausearch -if "$ENR"
	search_same "enriched log, raw" ausearch -if "$ENR" --raw
	search_same "enriched log, -i" ausearch -if "$ENR" -i
fi
# every byte 0x01-0x7f and some above in decoded values, blanks and
# shell characters in interpreted and uninterpreted values, records
# without fields, msg fields (tests/data/interpret/escape.log); ENRICHED
# words used, ignored ("SADDR=" first, "unknown-..."), decoded
# (tests/data/interpret/enriched-words.log)
for f in escape.log enriched-words.log; do
	for m in raw tty shell shell_quote; do
		search_same "$f --escape $m -i" ausearch -if "$DATA/interpret/$f" -i --escape "$m"
		search_same "$f --escape $m" ausearch -if "$DATA/interpret/$f" --escape "$m"
	done
done
search_same "enriched log, -i, --escape shell" ausearch -if "$ENR" -i --escape shell
search_same "no match, raw: no message" ausearch -if "$LOG" --raw -k nosuchkey
search_same "no match, csv" ausearch -if "$LOG" --format csv -k nosuchkey

# json: one valid object per event, as many as the default format's.
"$BIN/ausearch" -if "$LOG" --format json >"$TMP/j" 2>"$TMP/j.err"
n_json=$(wc -l <"$TMP/j")
n_def=$(TZ=UTC LC_ALL=C "$BIN/ausearch" -if "$LOG" | grep -c '^----')
check "json: one line per event ($n_json, $n_def)" [ "$n_json" -eq "$n_def" ]
if command -v python3 >/dev/null; then
	check "json: every line parses" python3 -c '
import json, sys
for line in open(sys.argv[1], "rb"):
    ev = json.loads(line)
    assert ev["records"] and all("fields" in r for r in ev["records"])
' "$TMP/j"
	printf 'type=USER msg=audit(1795274765.100:7): pid=1 uid=0 msg=\047a=\001\377\303\251"\\ b=2\047\n' >"$TMP/bin.log"
	"$BIN/ausearch" -if "$TMP/bin.log" --format json >"$TMP/jb"
	check "json: control bytes, bad UTF-8, quotes are escaped" python3 -c '
import json, sys
ev = json.loads(open(sys.argv[1], "rb").read())
raw = [f["raw"] for f in ev["records"][0]["fields"] if f["name"] == "a"][0]
assert raw == "\x01\u00ff\u00e9\"\\", repr(raw)
' "$TMP/jb"
else
	skip "json: python3 missing"
fi
plan_done
