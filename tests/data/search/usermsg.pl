#!/usr/bin/perl
# usermsg.pl TYPE TEXT...: send one user-space audit message of numeric
# TYPE (1100 USER_AUTH, 1112 USER_LOGIN, ...) with TEXT as its body to the
# kernel, as PAM or sshd would through libaudit. The kernel adds pid, uid,
# auid, ses and subj and logs it as TYPE msg='TEXT'. Needs root
# (CAP_AUDIT_WRITE). Used by capture.sh to make login-like records.
use strict;
use warnings;
use Socket;

my ($type, @text) = @ARGV;
die "usage: usermsg.pl TYPE TEXT\n" unless defined $type && @text;
my $body = join(' ', @text) . "\0";
socket(my $s, 16, SOCK_RAW, 9) or die "netlink socket: $!\n";	# AF_NETLINK, NETLINK_AUDIT
# struct nlmsghdr: len, type, flags (NLM_F_REQUEST | NLM_F_ACK), seq, pid
my $msg = pack('LSSLL', 16 + length($body), $type, 1 | 4, 1, 0) . $body;
my $to = pack('SSLL', 16, 0, 0, 0);	# sockaddr_nl of the kernel
send($s, $msg, 0, $to) or die "send: $!\n";
my $ack = '';
recv($s, $ack, 1024, 0);
my (undef, $atype, undef, undef, undef, $err) = unpack('LSSLLl', $ack);
die "kernel refused type $type: error $err\n" if $atype == 2 && $err != 0;
