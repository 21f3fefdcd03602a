#!/bin/sh
# probe.sh: (re)record how the reference auditd (3.0.9) treats each case
# below. Run as root from anywhere: sh tests/data/auditd-conf/probe.sh
#
# Each case is written to reference/NAME.conf and the reference's exit
# code and stderr to reference/NAME.ref ("exit N" then stderr, with the
# temporary config path shown as @CONF@).
#
# Safety: a valid config would make the reference register as the audit
# daemon. So every "line" case ends with the sentinel line
# "zz_sentinel = 1", an unknown keyword that stops the reference before it
# touches the kernel (it stops at the first bad line, so the error line
# number shows which line it refused, and a refusal at the sentinel means
# every earlier line was accepted). "whole" cases need the checks that run
# after the last line, so they have no sentinel; they run in a new PID
# namespace, where the kernel refuses audit netlink requests (EPERM): the
# reference exits 6 for a config it rejects and 1 for one it accepts
# ("Error sending status request (Operation not permitted)").
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=$here/reference
ref=/usr/sbin/auditd
lock=/tmp/auditkit-kernel-test.lock
tmp=$(mktemp -d /tmp/auditkit-confprobe.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" "$tmp/d" "$tmp/log"

record() { # $1 name, $2 whole|line; config text on stdin
	name=$1
	if [ "$2" = line ]; then
		{ cat; printf 'zz_sentinel = 1\n'; } >"$out/$name.conf"
	else
		cat >"$out/$name.conf"
	fi
	cp "$out/$name.conf" "$tmp/d/auditd.conf"
	chmod 600 "$tmp/d/auditd.conf"
	if [ "$2" = line ]; then
		timeout 3 "$ref" -f -n -c "$tmp/d" >/dev/null 2>"$tmp/err"
	else
		flock "$lock" unshare --pid --fork --mount-proc \
			timeout 3 "$ref" -f -n -c "$tmp/d" >/dev/null 2>"$tmp/err"
	fi
	rc=$?
	{ echo "exit $rc"; sed "s|$tmp/d/auditd.conf|@CONF@|g" "$tmp/err"; } >"$out/$name.ref"
}
line() { printf '%s\n' "$2" | record "$1" line; }
whole() { printf '%s\n' "$2" | record "$1" whole; }

# -- line shape
line missing_equal 'freq 50'
line two_values 'freq = 50 60'
line empty_value 'freq ='
line empty_key '= 5'
line double_equal 'freq == 5'
line no_spaces 'freq=5'
line trailing_comment 'freq = 10 # flush often'
line tab_separated "$(printf 'freq\t=\t10')"
line leading_tab "$(printf '\tfreq = 10')"
line tab_only_line "$(printf 'freq = 10\n\t')"
line crlf "$(printf 'freq = 10\r')"
line unknown_key 'bogus_key = 1'
line duplicate 'freq = 10
freq = 20'
line case_insensitive 'FREQ = 10
Flush = Data
log_format = enriched'
line comments_blank '# a comment
   # indented comment

   
freq = 10'
line long_comment "#$(printf '%0200d' 0)"
line len_158 "action_mail_acct = $(printf '%0139d' 0)"
line len_159 "action_mail_acct = $(printf '%0140d' 0)"
line len_200 "action_mail_acct = $(printf '%0181d' 0)"
# -- numbers
for k in priority_boost freq tcp_client_max_idle max_restarts; do
	for v in -1 abc 1.5 0 2147483647 2147483648 99999999999999999999; do
		line "${k}_$v" "$k = $v"
	done
done
for v in 0 999 1000 abc; do line "num_logs_$v" "num_logs = $v"; done
for v in 0 4294967296 99999999999999999999 abc; do line "max_log_file_$v" "max_log_file = $v"; done
for k in tcp_listen_port tcp_listen_queue; do
	for v in 0 1 65535 65536; do line "${k}_$v" "$k = $v"; done
done
for v in 0 1 1024 1025; do line "tcp_max_per_addr_$v" "tcp_max_per_addr = $v"; done
for v in 0 511 512 99999 100000; do line "q_depth_$v" "q_depth = $v"; done
for v in 0 4294967296 abc; do line "end_of_event_timeout_$v" "end_of_event_timeout = $v"; done
line report_interval 'report_interval = 60'
# -- space
for k in space_left admin_space_left; do
	for v in 75 0 5% 0% 99% 100% abc -5 1.5 5%% %5 99999999999999999999; do
		line "${k}_$v" "$k = $v"
	done
done
# -- keywords
for k in local_events write_logs verify_email use_libwrap enable_krb5 distribute_network; do
	for v in yes No true 1; do line "${k}_$v" "$k = $v"; done
done
for v in none incremental incremental_async data sync always; do line "flush_$v" "flush = $v"; done
for v in raw ENRICHED nolog json; do line "log_format_$v" "log_format = $v"; done
for v in none hostname fqd numeric user NUMERIC bogus; do line "name_format_$v" "name_format = $v"; done
for v in tcp KRB5 tls; do line "transport_$v" "transport = $v"; done
# -- actions
for k in max_log_file_action space_left_action admin_space_left_action disk_full_action disk_error_action overflow_action; do
	for v in ignore syslog rotate email suspend single halt keep_logs stop; do
		line "${k}_$v" "$k = $v"
	done
	line "${k}_exec_sh" "$k = exec /bin/sh"
	line "${k}_exec_bare" "$k = exec"
done
line exec_relative 'space_left_action = exec bin/sh'
line exec_missing 'space_left_action = exec /nonexistent/script'
line exec_directory 'space_left_action = exec /etc'
line exec_mode_0644 'space_left_action = exec /etc/passwd'
line exec_extra_word 'space_left_action = exec /bin/sh arg'
line exec_word_after_syslog 'space_left_action = syslog /bin/sh'
# -- text, paths, groups, ports, mail
for v in root 0 4294967296 99999999999999999999 nosuchgroup 4abc ROOT; do line "log_group_$v" "log_group = $v"; done
line log_file_relative 'log_file = audit.log'
line log_file_in_root 'log_file = /audit.log'
line log_file_no_dir 'log_file = /nonexistent/dir/audit.log'
line log_file_is_dir 'log_file = /var/log'
line plugin_dir_relative 'plugin_dir = plugins.d'
line krb5_key_file_relative 'krb5_key_file = audit.key'
line name_user 'name = myhost'
for v in 0 1 1-1023 5-5 10-5 65536 1-65536 abc 1- -5 1--2; do line "tcp_client_ports_$v" "tcp_client_ports = $v"; done
for v in root a 'x!y' ab+cd ab-cd_e.f root@localhost a.b@c a@b.example; do
	line "action_mail_acct_$(echo "$v" | tr '!+@' 'XPA')" "action_mail_acct = $v"
done
line mail_verify_no 'verify_email = no
action_mail_acct = root@localhost'
line dispatcher 'dispatcher = /sbin/audispd'
line disp_qos 'disp_qos = whatever'
# -- whole files (cross-key checks)
base='log_file = @LOG@'
w() { whole "$1" "$(printf '%s\n%s' "$base" "$2" | sed "s|@LOG@|$tmp/log/audit.log|")"; }
printf '' | record empty_file whole
whole blank_line ''
whole comment_only '# nothing else'
w defaults_only ''
w space_equal 'space_left = 50
admin_space_left = 50'
w space_less 'space_left = 50
admin_space_left = 75'
w space_ok 'space_left = 75
admin_space_left = 50'
w space_percent_less 'space_left = 5%
admin_space_left = 10%'
w space_mixed 'space_left = 5%
admin_space_left = 50'
w incremental_freq0 'space_left = 75
admin_space_left = 50
flush = incremental'
w incremental_async_freq0 'space_left = 75
admin_space_left = 50
flush = incremental_async
freq = 0'
w none_with_freq 'space_left = 75
admin_space_left = 50
flush = none
freq = 20'
w user_without_name 'space_left = 75
admin_space_left = 50
name_format = user'
w nolog 'space_left = 75
admin_space_left = 50
log_format = nolog'
w q_depth_small 'space_left = 75
admin_space_left = 50
q_depth = 100'
w email_no_sendmail 'space_left = 75
admin_space_left = 50
space_left_action = email'
whole varlog_group 'log_file = /var/log/audit.log
log_group = adm
space_left = 75
admin_space_left = 50'
# The recorded log path is the temporary one; normalise it.
sed -i "s|$tmp/log|@LOGDIR@|g" "$out"/*.conf "$out"/*.ref
echo "recorded $(ls "$out"/*.ref | wc -l) cases in $out"
