#!/bin/sh
# Regenerate the crafted log and the reference's answers for it:
#   events.log        the crafted events (gen.py)
#   events.csv        ausearch --format csv
#   events.txt        ausearch --format text
#   events-extra.csv  ausearch --format csv with every --extra-* option
# and the same three for real.log and enriched.log: copies of a real
# daemon's raw and ENRICHED logs (tests/data/auditd-format/raw-node.log and
# enriched.log), kept here so they stay put.
# The reference is Debian's ausearch 3.0.9. Names of uids come from this
# machine's passwd: the events use uids every Debian system names alike
# (0, 1, 65534) or none (54321).
set -eu
cd "$(dirname "$0")"
AUSEARCH=${AUSEARCH:-/usr/sbin/ausearch}
python3 gen.py > events.log
export TZ=UTC LC_ALL=C
for log in events real enriched; do
	"$AUSEARCH" --format csv -if $log.log > $log.csv
	"$AUSEARCH" --format text -if $log.log > $log.txt
	"$AUSEARCH" --format csv --extra-keys --extra-labels --extra-obj2 \
		--extra-time -if $log.log > $log-extra.csv
done
