#!/bin/sh
# ausearch_time.sh: -ts/-te against the reference on a log generated now,
# with events around every keyword's boundary (the reference's "now"
# cannot be faked, so the events are placed relative to the real time):
# one every 10 minutes for 400 days, one a minute for the last 2 days,
# one a second around midnights and month/year starts. Events sit 3 s off
# the current second so that the second between the two runs never falls
# on one. Also dates and times in the C locale's format and their errors.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../search_lib.sh"
[ -x "$REF_AUSEARCH" ] || skip_all "no reference ausearch"
[ -x "$BIN/ausearch" ] || skip_all "ausearch not built"
export TZ=UTC
LOG=$TMP/time.log
now=$(date +%s)
mid=$(date -d "$(date +%F) 00:00:00" +%s)
month=$(date -d "$(date +%Y-%m-01) 00:00:00" +%s)
year=$(date -d "$(date +%Y-01-01) 00:00:00" +%s)
awk -v now="$now" -v mid="$mid" -v month="$month" -v year="$year" 'BEGIN {
	for (t = now - 3 - 400 * 86400; t < now - 3; t += 600) ts[t] = 1
	for (t = now - 3 - 2 * 86400; t <= now - 3; t += 60) ts[t] = 1
	split(mid " " (mid - 86400) " " (mid - 7 * 86400) " " month " " year, b)
	for (i in b) for (d = -2; d <= 2; d++) ts[b[i] + d] = 1
	for (d = 0; d < 7; d++) for (e = -1; e <= 1; e++) ts[mid - d * 86400 + e] = 1
	for (t in ts) if (t + 0 < now - 2) print t
}' | sort -n | awk '{ printf "type=DAEMON_START msg=audit(%d.%03d:%d): op=start ver=3.0.9 format=raw kernel=6 auid=4294967295 pid=1 uid=0 ses=4294967295 res=success\n", $1, NR % 1000, NR }' >"$LOG"

today=$(date +%m/%d/%y)
past=$(date -d @$((now - 3 * 86400)) +%m/%d/%y)
while read -r args; do
	case $args in ''|'#'*) continue ;; esac
	# shellcheck disable=SC2086
	search_same "$args" ausearch -if "$LOG" --raw $args
done <<CASES
-ts now
-ts recent
-ts boot
-ts today
-ts yesterday
-ts this-week
-ts week-ago
-ts this-month
-ts this-year
-te now
-te recent
-te today
-te yesterday
-te this-week
-te week-ago
-te this-month
-te this-year
-ts yesterday -te today
-ts yesterday 10:00 -te yesterday 11:30:00
-ts 10:00:00 $past
-ts $past
-te $past
-ts $past 00:00:01
-te $past 12:00
-ts $today
-ts 00:00:00
-te 00:00:00
-ts 1:2
-ts 23:59:60
-ts this-week -te week-ago
-ts today -ts yesterday
-ts this-hour
-ts Today
-te checkpoint
-ts 11/21/2026
-ts 13/20/26
-ts $today 25:00:00
-ts 1:2:3
-ts 10:00:00.5
-ts 10:00:00 10:00:00
-ts today yesterday
-ts today extra words
-ts
-te
-ts -te now
CASES
plan_done
