#!/bin/sh
# auditd writes what the reference auditd writes: the same events (a rule
# hit, a user message, its own start and end records) in RAW and in
# ENRICHED, compared after masking what differs run to run (time, serial,
# pids, pointers, the daemon's own path and version).
. "$(dirname "$0")/../lib.sh"
kernel_begin
daemon_begin

target=$TMP/target
: >"$target"

# run_daemon NAME PROGRAM FORMAT: start it, make the events, stop it.
run_daemon() {
	dir=$TMP/$1
	daemon_conf "$dir" <<EOC
log_format = $3
EOC
	if ! daemon_start "$2" "$dir"; then
		not_ok "$1: registers as the audit daemon"
		cat "$dir/stderr" | sed 's/^/# /'
		return 1
	fi
	chmod 644 "$target"
	kref -a always,exit -F arch=b64 -S fchmodat -F path="$target" -k auditkit_rec >/dev/null
	chmod 600 "$target"
	kref -m "auditkit record test $3" >/dev/null
	kref -d always,exit -F arch=b64 -S fchmodat -F path="$target" -k auditkit_rec >/dev/null
	sleep 0.3
	daemon_stop
	echo "$DRC" >"$dir/rc"
}

# The records of the events this test made, masked.
events_of() {
	log=$1/log/audit.log
	serials=$(grep -aE 'key="auditkit_rec"|auditkit record test' "$log" |
		grep -v CONFIG_CHANGE | sed -n 's/.*msg=audit([0-9.]*:\([0-9]*\)).*/\1/p' | sort -u)
	for s in $serials; do grep -a "msg=audit([0-9.]*:$s)" "$log"; done | mask
}
mask() {
	sed -E 's/audit\([0-9]+\.[0-9]+:[0-9]+\)/audit(T:S)/;
		s/ (pid|ppid)=[0-9]+/ \1=N/g;
		s/ a([0-3])=[0-9a-f]+/ a\1=X/g;
		s/ ver=[^ ]+/ ver=V/;
		s/ (exe|comm)="[^"]*auditd"/ \1="auditd"/g'
}

for fmt in RAW ENRICHED; do
	run_daemon "ref-$fmt" "$REF_AUDITD" "$fmt" || continue
	run_daemon "our-$fmt" "$BIN/auditd" "$fmt" || continue
	check "$fmt: our daemon exits 0 on SIGTERM" [ "$(cat "$TMP/our-$fmt/rc")" = 0 ]
	events_of "$TMP/ref-$fmt" >"$TMP/ref-$fmt.events"
	events_of "$TMP/our-$fmt" >"$TMP/our-$fmt.events"
	check "$fmt: the reference logged the rule hit (test sanity)" \
		grep -q 'type=SYSCALL.*key="auditkit_rec"' "$TMP/ref-$fmt.events"
	same_file "$fmt: the rule hit and the user message are logged as the reference logs them" \
		"$TMP/ref-$fmt.events" "$TMP/our-$fmt.events"
	head -1 "$TMP/ref-$fmt/log/audit.log" | mask | sed -E 's/ (auid|uid|ses)=[0-9]+/ \1=I/g' >"$TMP/ref-$fmt.start"
	head -1 "$TMP/our-$fmt/log/audit.log" | mask | sed -E 's/ (auid|uid|ses)=[0-9]+/ \1=I/g' >"$TMP/our-$fmt.start"
	same_file "$fmt: DAEMON_START has the reference's fields" "$TMP/ref-$fmt.start" "$TMP/our-$fmt.start"
	tail -1 "$TMP/our-$fmt/log/audit.log" | grep -q '^type=DAEMON_END msg=audit([0-9.]*:[0-9]*): op=terminate auid=[0-9]* uid=0 ses=[0-9]* pid=[0-9]* res=success'
	check "$fmt: the log ends with DAEMON_END naming the sender" [ $? = 0 ]
	check "$fmt: every line is a whole record" \
		sh -c "! grep -avE '^type=[A-Z_0-9]+(\\[[0-9]+\\])? msg=audit\\([0-9]+\\.[0-9]+:[0-9]+\\): ' '$TMP/our-$fmt/log/audit.log'"
done
check "no daemon is left registered" [ "$(daemon_registered)" = 0 ]
plan_done
