#!/usr/bin/perl
# gen.pl DIR: the record generators capture.sh runs while the reference
# daemon is logging. chmod(2) on DIR/f, connect(2) with many socket
# addresses (the kernel records the address before it checks it, so any
# family can be shown on one UDP socket), and user messages of several
# types sent over NETLINK_AUDIT with fields the interpretation reacts to.
use strict;
use warnings;
use Socket;

my $dir = shift or die "usage: gen.pl DIR\n";
chmod 0600, "$dir/f";

# Socket addresses as hex bytes (family in host order, x86 little endian).
my @addrs = (
	"020000357f000001" . "00" x 8,		# inet 127.0.0.1:53
	"02000035" . "7f000001",		# inet, too short
	"02",					# one byte
	"0a000035" . "00" x 4 . "00" x 15 . "01" . "00" x 4,	# inet6 [::1]:53
	"0a000035" . "00" x 12,			# inet6, too short
	"0100" . unpack("H*", "$dir/sock") . "00",	# unix path
	"0100" . "00" . unpack("H*", "abstract"),	# unix abstract
	"0100",					# unix, no path
	"1000" . "0000" . "39300000" . "00000000",	# netlink pid 12345
	"0300" . unpack("H*", "NOCALL") . "00" x 8,	# ax25
	"0400" . "0102" . "0a0b0c0d" . "00" x 6 . "00" . "00",	# ipx
	"0800" . "0300" . "0100" . "2000" . "00" x 8,	# atmpvc
	"0900" . unpack("H*", "12345") . "00" x 11,	# x25
	"1100" . "0008" . "02000000" . "0100" . "00" . "06" . "00" x 8,	# packet
	"0000" . "00" x 14,			# family 0
	"1b00" . "00" x 14,			# 27 (ib)
	"1c00" . "00" x 14,			# 28 (mpls)
	"1d00" . "00" x 14,			# 29 (can)
	"1f00" . "00" x 8,			# 31 (bluetooth)
	"2800" . "0000" . "39300000" . "02000000" . "00" x 4,	# 40 (vsock)
	"2c00" . "00" x 14,			# 44 (xdp)
	"2d00" . "00" x 14,			# 45 (mctp)
	"2e00" . "00" x 14,			# 46
	"ff00" . "00" x 14,			# 255
);
for my $hex (@addrs) {
	socket(my $s, AF_INET, SOCK_DGRAM, 0) or die "socket: $!";
	connect($s, pack("H*", $hex));
	close($s);
}

# User messages: [type, text]. The kernel writes them as
# "pid=.. uid=.. auid=.. ses=.. msg='TEXT'".
my @msgs = (
	[1005, "op=probe ouid=0 ogid=0 auid=1 uid=65534 gid=65534 euid=54321 egid=54321 res=success"],
	[1005, "suid=-1 sgid=4294967295 fsuid=abc fsgid= iuid=0 igid=1 res=success"],
	[1005, "inode_uid=65534 inode_gid=65534 obj_uid=1 obj_gid=1 new_gid=65534 sauid=0 oauid=4294967295 old-auid=1 id=1"],
	[1005, "uid=4294967294 gid=4294967294 auid=99999999999999999999 ouid=-2 ogid=0x10 iuid=12abc igid=\"1\""],
	[1005, "arch=c000003e syscall=59"],
	[1005, "arch=40000003 syscall=102 a0=3"],
	[1005, "arch=40000003 syscall=117 a0=1"],
	[1005, "arch=40000003 syscall=102 a0=99"],
	[1005, "arch=c00000b7 syscall=221"],
	[1005, "arch=40000028 syscall=11"],
	[1005, "arch=deadbeef syscall=1"],
	[1005, "syscall=2"],
	[1005, "arch=c000003e syscall=99999"],
	[1005, "syscall=11 arch=40000003"],
	[1005, "arch=xyz syscall=abc"],
	[1005, "arch=c000003e syscall=-1"],
	[1005, "saddr=020000357F000001"],
	[1005, "saddr=0100" . uc(unpack("H*", "/run/x.sock")) . "00"],
	[1005, "saddr=zz"],
	[1005, "saddr="],
	[1005, "saddr=0A00"],
	[1005, "saddr=1000000039300000"],
	[1005, "saddr=0200"],
	[1005, ""],
	[1005, "hello\nworld"],
	[1005, "trailing newline\n"],
	[1005, "acct=\"root\" exe=\"/usr/bin/x\" hostname=? addr=? terminal=? res=success"],
	[1102, "op=adding-user id=1 exe=\"/usr/sbin/useradd\" hostname=? addr=? terminal=? res=success"],
	[1116, "op=adding-group id=1 exe=\"/usr/sbin/groupadd\" hostname=? addr=? terminal=? res=success"],
	[1117, "op=deleting-group id=65534 exe=\"/usr/sbin/groupdel\" hostname=? addr=? terminal=? res=success"],
	[1132, "op=changing-group id=65534 exe=\"/usr/sbin/groupmod\" hostname=? addr=? terminal=? res=success"],
	[1112, "op=login id=0 exe=\"/usr/sbin/sshd\" hostname=10.0.0.1 addr=10.0.0.1 terminal=ssh res=failed"],
	[1100, "op=PAM:authentication grantors=? acct=\"daemon\" exe=\"/usr/bin/su\" hostname=? addr=? terminal=pts/0 res=failed"],
	[1107, "avc:  denied  { connect } for auid=0 uid=0 gid=0 saddr=020000357F000001 scontext=x tcontext=y tclass=z"],
	[1199, "op=unknown-type uid=1"],
	[2999, "op=unknown-type2 uid=1"],
);

socket(my $nl, 16, SOCK_RAW, 9) or die "netlink: $!";	# AF_NETLINK, NETLINK_AUDIT
my $seq = 1;
for my $m (@msgs) {
	my ($type, $text) = @$m;
	my $data = $text . "\0";
	my $len = 16 + length($data);
	my $pad = "\0" x ((4 - $len % 4) % 4);
	my $hdr = pack("L S S L L", $len, $type, 5, $seq++, 0);	# REQUEST|ACK
	send($nl, $hdr . $data . $pad, 0) or die "send: $!";
	my $ack;
	recv($nl, $ack, 8192, 0);
}
