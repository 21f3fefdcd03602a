#!/bin/sh
# capture.sh [OUTDIR]: record real audit logs for the search tests.
#
# Runs the reference auditd (/usr/sbin/auditd -n -c CONF) on this
# machine's kernel, once with log_format RAW and once ENRICHED, loads the
# rules below, runs workload.sh ROUNDS times as loginuid 1000, stops the
# daemon and copies its log to OUTDIR/raw.log and OUTDIR/enriched.log
# (default: this directory). Then builds OUTDIR/rotated/ and
# OUTDIR/rotated-plain/ from raw.log, and OUTDIR/damaged/ (make_damaged.pl).
#
# It follows DESIGN.md's kernel rules through tests/lib.sh: the kernel
# test lock, the audit status and rule list saved and restored on every
# exit path, no daemon left registered, and it refuses to run while
# another audit daemon is registered. Needs root, perl, setpriv, runuser,
# gzip and zstd.
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}
ROUNDS=${ROUNDS:-3}
. "$HERE/../../lib.sh"
kernel_begin
_dp=$(daemon_registered)
if [ "${_dp:-0}" != 0 ] && kill -0 "$_dp" 2>/dev/null; then
	skip_all "another audit daemon (pid $_dp) is registered; not taking it over"
fi
[ -x "$REF_AUDITD" ] || skip_all "reference auditd missing (run scripts/bootstrap)"
mkdir -p "$OUT" || exit 1

# The work area: nobody may enter it but not read secret or private/.
WORK=$(mktemp -d /tmp/auditkit-capture.XXXXXX)
trap 'rm -rf "$WORK"; kernel_restore' EXIT
chmod 755 "$WORK"
mkdir -p "$WORK/etc" "$WORK/private"
chmod 755 "$WORK/etc"
chmod 700 "$WORK/private"
echo "setting = 1" >"$WORK/etc/app.conf"
echo "top secret" >"$WORK/secret"
chmod 600 "$WORK/secret"

rules() {
	cat <<EOR
-a always,exit -F arch=b64 -S execve -F auid=1000 -k exec
-a always,exit -F arch=b64 -S open,openat -F exit=-ENOENT -F auid=1000 -k file-missing
-a always,exit -F arch=b64 -S open,openat,truncate,ftruncate -F exit=-EACCES -F auid=1000 -k access-denied
-a always,exit -F arch=b64 -S open,openat -F exit=-EPERM -F auid=1000 -k access-denied
-a always,exit -F arch=b64 -S chmod,fchmod,fchmodat,chown,fchown,fchownat,lchown -F auid=1000 -k perm-change
-a always,exit -F arch=b64 -S unlink,unlinkat,rename,renameat,renameat2 -F auid=1000 -k delete
-a always,exit -F arch=b64 -S mkdir,mkdirat,rmdir -F auid=1000 -k dirs
-a always,exit -F arch=b64 -S connect,bind -F auid=1000 -k net
-a always,exit -F arch=b64 -S kill,tkill,tgkill -F auid=1000 -k signal
-w $WORK/secret -p rwa -k secret-watch
-w $WORK/etc/ -p wa -k config-dir
EOR
}

# capture NAME FORMAT [extra conf lines]: one daemon run into OUT/NAME.log.
capture() {
	name=$1 fmt=$2
	shift 2
	dir=$TMP/$name
	{ echo "log_format = $fmt"; for l in "$@"; do echo "$l"; done; } | daemon_conf "$dir"
	daemon_start "$REF_AUDITD" "$dir" || { echo "$name: daemon did not start" >&2; cat "$dir/stderr" >&2; return 1; }
	kref -e 1 >/dev/null
	rules >"$TMP/capture.rules"
	kref -R "$TMP/capture.rules" >/dev/null
	r=1
	while [ "$r" -le "$ROUNDS" ]; do
		# loginuid is set once per process: each round is a new session
		sh -c 'echo 1000 >/proc/self/loginuid && exec sh "$0" "$1" "$2"' \
			"$HERE/workload.sh" "$WORK" "$r" || echo "$name: round $r failed" >&2
		r=$((r + 1))
	done
	kill -HUP "$DPID"	# DAEMON_CONFIG
	sleep 0.5
	kref -D >/dev/null
	kref -e 0 >/dev/null
	sleep 0.3
	daemon_stop
	cp "$dir/log/audit.log" "$OUT/$name.log"
	chmod 644 "$OUT/$name.log"
	echo "$name: $(wc -c <"$OUT/$name.log") bytes, daemon exit $DRC" >&2
}

capture raw RAW || exit 1
capture enriched ENRICHED "name_format = user" "name = testhost" || exit 1
[ "$(daemon_registered)" = 0 ] || echo "warning: a daemon is still registered" >&2

# The rotated set: raw.log cut at record boundaries into 4 parts, oldest
# first audit.log.3.zst, audit.log.2.gz, audit.log.1, audit.log.
rot=$OUT/rotated
rm -rf "$rot"
mkdir -p "$rot"
n=$(wc -l <"$OUT/raw.log")
q=$(((n + 3) / 4))
split -l "$q" -d -a 1 "$OUT/raw.log" "$rot/part."
zstd -q --rm -o "$rot/audit.log.3.zst" "$rot/part.0"
gzip -n -c "$rot/part.1" >"$rot/audit.log.2.gz" && rm "$rot/part.1"
mv "$rot/part.2" "$rot/audit.log.1"
mv "$rot/part.3" "$rot/audit.log"
chmod 644 "$rot"/*
# The same cut, all plain: the reference reads every member of this one.
rp=$OUT/rotated-plain
rm -rf "$rp"
mkdir -p "$rp"
zstd -q -d -c "$rot/audit.log.3.zst" >"$rp/audit.log.3"
gzip -d -c "$rot/audit.log.2.gz" >"$rp/audit.log.2"
cp "$rot/audit.log.1" "$rot/audit.log" "$rp/"
chmod 644 "$rp"/*
cat "$rp/audit.log.3" "$rp/audit.log.2" "$rp/audit.log.1" "$rp/audit.log" |
	cmp -s - "$OUT/raw.log" || echo "warning: the rotated parts do not make raw.log" >&2

perl "$HERE/make_damaged.pl" "$OUT/raw.log" "$OUT/damaged"
exit 0
