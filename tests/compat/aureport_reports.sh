#!/bin/sh
# aureport_reports: every report of ours against the reference's, byte for
# byte (stdout, stderr, exit status), with and without --summary,
# --failed, --success and -i, on crafted logs (tests/data/aureport: the
# record types a kernel capture cannot produce: logins, AVCs, anomalies,
# crypto, virt, integrity, MAC, TTY ...) and on the captured logs of
# tests/data/auditd-format and tests/data/search when present.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../search_lib.sh"

[ -x "$REF_AUREPORT" ] || skip_all "reference aureport missing (run scripts/bootstrap)"
[ -x "$BIN/aureport" ] || skip_all "$BIN/aureport not built"

REPORTS="-a -au --comm -c -cr -e -f -h -k -l -m -ma -n -p -r -s -t -tm --tty
	-u --virt -x --integrity"

for log in "$DATA/aureport/mixed.log" "$DATA/aureport/edge.log" \
	"$DATA/aureport/avc.log" "$DATA/auditd-format/raw-node.log" \
	"$DATA/auditd-format/enriched.log" "$DATA/search/raw.log" \
	"$DATA/search/enriched.log"; do
	[ -f "$log" ] || { skip "$log missing"; continue; }
	name=${log#"$DATA"/}
	# the main summary, then each report
	for v in "" --summary --failed --success -i; do
		search_same "$name: summary report $v" aureport -if "$log" $v
	done
	for r in $REPORTS; do
		for v in "" --summary --failed --success -i; do
			search_same "$name: $r $v" aureport -if "$log" $r $v
		done
	done
done

plan_done
