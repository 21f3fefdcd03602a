#!/bin/sh
# auditd rotates its log by size (max_log_file), by time (rotate_interval)
# and on SIGUSR1; keeps num_logs files (or all with keep_logs); compresses
# rotated logs with gzip or zstd off the ingest path; and every rotated
# file reads back whole.
. "$(dirname "$0")/../lib.sh"
kernel_begin
daemon_begin
command -v perl >/dev/null || skip_all "perl is needed for the load generator"

target=$TMP/target
: >"$target"
generate() { perl -e 'chmod 0600, $ARGV[0] for 1..$ARGV[1]' "$target" "$1"; }
kref -b 8192 --backlog_wait_time 60000 >/dev/null

# all_records DIR: every record line of the set, decompressed, oldest first.
all_records() {
	for f in $(ls "$1"/audit.log.* 2>/dev/null | sort -t. -k3,3nr) "$1/audit.log"; do
		case $f in
		*.gz) gzip -dc "$f" ;;
		*.zst) zstd -qdc "$f" ;;
		*) cat "$f" ;;
		esac
	done
}

# By size, num_logs 3, zstd: 1 MiB logs, 4000 events (about 3.5 MiB).
d=$TMP/size
daemon_conf "$d" <<EOC
max_log_file = 1
max_log_file_action = ROTATE
num_logs = 3
rotate_compress = zstd
EOC
daemon_start "$BIN/auditd" "$d" || { not_ok "size: starts"; plan_done; exit; }
kref -a always,exit -F arch=b64 -S chmod -F path="$target" -k auditkit_rot >/dev/null
generate 4000
sleep 2
kref -D >/dev/null
daemon_stop
ls "$d/log" | sed 's/^/# /'
check "by size: num_logs 3 keeps the live log and two rotated ones" \
	[ "$(ls "$d/log" | grep -c '^audit\.log\.[0-9]*\.zst$')" = 2 ]
check "by size: no rotated log is left uncompressed" \
	[ "$(ls "$d/log" | grep -c '^audit\.log\.[0-9]*$')" = 0 ]
check "by size: every rotated log is at most max_log_file plus one batch" \
	sh -c "for f in '$d'/log/audit.log.*.zst; do [ \$(zstd -qdc \"\$f\" | wc -c) -lt 2200000 ] || exit 1; done"
check "by size: rotated logs are 0400" [ "$(stat -c %a "$d/log/audit.log.1.zst")" = 400 ]
all_records "$d/log" >"$TMP/size.all"
check "by size: the set reads back as whole records" \
	sh -c "! grep -avE '^type=[A-Z_0-9]+(\\[[0-9]+\\])? msg=audit\\(' '$TMP/size.all'"
check "by size: each later log starts with DAEMON_ROTATE" \
	sh -c "zstd -qdc '$d/log/audit.log.1.zst' | head -1 | grep -q '^type=DAEMON_ROTATE'"

# keep_logs: nothing is deleted.
d=$TMP/keep
daemon_conf "$d" <<EOC
max_log_file = 1
max_log_file_action = KEEP_LOGS
num_logs = 2
EOC
daemon_start "$BIN/auditd" "$d" || { not_ok "keep_logs: starts"; plan_done; exit; }
kref -a always,exit -F arch=b64 -S chmod -F path="$target" -k auditkit_rot >/dev/null
generate 4000
sleep 2
kref -D >/dev/null
daemon_stop
all_records "$d/log" >"$TMP/keep.all"

check "keep_logs: more rotated logs than num_logs 2 would keep" [ "$(ls "$d/log" | grep -c '^audit\.log\.[0-9]*$')" -ge 2 ]
check "keep_logs: all 4000 events are in the set" \
	[ "$(grep -ac '^type=SYSCALL.*key="auditkit_rot"' "$TMP/keep.all")" = 4000 ]

# By time: every 2 s, gzip, timestamped names.
d=$TMP/time
daemon_conf "$d" <<EOC
rotate_interval = 2s
rotate_compress = gzip
rotate_timestamp = yes
num_logs = 10
EOC
daemon_start "$BIN/auditd" "$d" || { not_ok "time: starts"; plan_done; exit; }
kref -m "before the first rotation" >/dev/null
sleep 5.5
kref -m "after two rotations" >/dev/null
sleep 0.5
daemon_stop
ls "$d/log" | sed 's/^/# /'
n=$(ls "$d/log" | grep -cE '^audit\.log-[0-9]{8}-[0-9]{6}(-[0-9]+)?\.gz$')
check "by time: rotate_interval 2s made at least two timestamped .gz logs in 5.5 s ($n)" [ "$n" -ge 2 ]
check "by time: the first message is in a rotated log" \
	sh -c "gzip -dc '$d'/log/audit.log-*.gz | grep -q 'before the first rotation'"
check "by time: the later message is in the set, once" \
	[ "$( (gzip -dc "$d"/log/audit.log-*.gz; cat "$d/log/audit.log") | grep -c 'after two rotations')" = 1 ]
check "no daemon is left registered" [ "$(daemon_registered)" = 0 ]
plan_done
