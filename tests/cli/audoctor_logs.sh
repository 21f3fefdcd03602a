#!/bin/sh
# audoctor --log on crafted logs (tests/data/audoctor/logs): a noisy key
# among quiet ones is named with its share, rate and a narrower rule;
# damaged lines are counted, not fatal; an unreadable log is a skipped
# check with its reason, never a crash. Only the rule findings and skips
# are asserted: the kernel may or may not be reachable here.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../audoctor_lib.sh"
[ -x "$AUDOCTOR" ] || skip_all "build/bin/audoctor missing"
L=$DATA/audoctor/logs

# noisy.log: 300 events keyed "noisy" (290 by /usr/bin/backup) in 59 s;
# quiet.log: 120 events over three keys. 300 of 501 = 59.9%.
doctor --watch 0 --log "$L/noisy.log" "$L/quiet.log"
check_finding "a noisy key among quiet ones is a noisy-rule warning" noisy-rule warning
check "it is key noisy, with 300 events" [ "$(doctor_evidence noisy-rule top1)" = "key noisy" \
	-a "$(doctor_evidence noisy-rule top1_events)" = 300 ]
share=$(doctor_evidence noisy-rule top1_share_percent)
rate=$(doctor_evidence noisy-rule top1_rate_per_s)
check "share 59.9% ($share), rate 5.08/s over the logs' 59 s ($rate)" \
	python3 -c "import sys; s, r = float('$share'), float('$rate'); sys.exit(not (59.8 < s < 59.9 and 5.08 < r < 5.09))"
check "then key passwd (50) and a quiet key (40)" [ "$(doctor_evidence noisy-rule top2)" = "key passwd" \
	-a "$(doctor_evidence noisy-rule top3_events)" = 40 ]
case $(doctor_fix noisy-rule) in
*"-F exe!=/usr/bin/backup"*) ok "the fix excludes /usr/bin/backup (96.7% of the key's events)" ;;
*) not_ok "the fix excludes /usr/bin/backup"; diag "fix: $(doctor_fix noisy-rule)" ;;
esac
check "exit status at least 1 ($DOCTOR_RC)" [ "$DOCTOR_RC" -ge 1 ]

doctor --watch 0 --log "$L/quiet.log"
if doctor_has noisy-rule; then not_ok "quiet logs: no noisy-rule"; else ok "quiet logs: no noisy-rule"; fi

# damaged.log: 5 events and 3 lines that are no records.
doctor --watch 0 --log "$L/noisy.log" "$L/damaged.log"
check "damaged lines are counted (3)" [ "$(doctor_evidence noisy-rule damaged_lines)" = 3 ]
check "and the events around them too (386)" [ "$(doctor_evidence noisy-rule events)" = 386 ]

# Unreadable: a missing file and a directory.
doctor --watch 0 --log "$TMP/missing.log" "$TMP"
reason=$(doctor_skipped "rules (logs)")
check "unreadable logs: valid JSON, no crash (exit $DOCTOR_RC)" [ "$DOCTOR_RC" -ge 1 -a "$DOCTOR_RC" -le 2 ]
case $reason in
*missing.log*"No such file"*) ok "the rules (logs) check is skipped, naming the file ($reason)" ;;
*) not_ok "the rules (logs) check is skipped, naming the file"; diag "reason: '$reason'" ;;
esac
if doctor_has noisy-rule; then not_ok "no noisy-rule from nothing"; else ok "no noisy-rule from nothing"; fi

# One unreadable among readable ones: what was read still counts.
doctor --watch 0 --log "$L/noisy.log" "$TMP/missing.log"
check_finding "a missing file beside a readable one: noisy-rule still found" noisy-rule warning
case $(doctor_skipped "rules (logs)") in
"read only in part: "*missing.log*) ok "and the part not read is said" ;;
*) not_ok "and the part not read is said"; diag "reason: '$(doctor_skipped "rules (logs)")'" ;;
esac
plan_done
