#!/bin/sh
# Regenerate the reference's outputs for the crafted logs of this folder
# (run as root where /usr/sbin/ausearch is the reference, 3.0.9).
#   NAME.out   TZ=UTC ausearch -if NAME.log          (grouping, "----")
#   NAME.raw   ausearch --raw -if NAME.log           (order of records)
#   timeout.t5.out   the same with --eoe-timeout 5
#   span.out   ausearch --input-logs over span/audit.log.1 + span/audit.log
#              (a private mount namespace points /etc/audit at a config
#              naming span/audit.log; nothing outside it changes)
set -e
cd "$(dirname "$0")"
export TZ=UTC LC_ALL=C
for f in *.log; do
	n=${f%.log}
	/usr/sbin/ausearch -if "$f" >"$n.out" 2>/dev/null || true
	/usr/sbin/ausearch --raw -if "$f" >"$n.raw" 2>/dev/null || true
done
/usr/sbin/ausearch --eoe-timeout 5 -if timeout.log >timeout.t5.out 2>/dev/null || true
tmp=$(mktemp -d)
cp span/audit.log span/audit.log.1 "$tmp/"
printf 'log_file = %s/audit.log\nnum_logs = 5\n' "$tmp" >"$tmp/auditd.conf"
chmod 600 "$tmp"/*
unshare -m sh -c "mount --bind '$tmp' /etc/audit && /usr/sbin/ausearch --input-logs" \
	>span.out 2>/dev/null || true
rm -rf "$tmp"
