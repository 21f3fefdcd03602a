#!/usr/bin/perl
# make_damaged.pl RAW OUTDIR: damaged and odd logs for the search tests,
# built from real records of RAW (raw.log), deterministically (the same
# raw.log gives the same files). See README for what each file holds.
use strict;
use warnings;

my ($raw, $out) = @ARGV;
die "usage: make_damaged.pl RAW OUTDIR\n" unless defined $out;
mkdir $out;
open(my $in, '<:raw', $raw) or die "$raw: $!\n";
my (@order, %ev);
while (my $l = <$in>) {
	my ($s) = $l =~ /msg=audit\(([0-9.]+:[0-9]+)\)/ or next;
	push @order, $s unless $ev{$s};
	push @{$ev{$s}}, $l;
}
close $in;

# The first event whose records match re (in the first record or any).
sub pick {
	my ($re, $skip) = @_;
	$skip //= 0;
	for my $s (@order) {
		next unless grep { /$re/ } @{$ev{$s}};
		return join('', @{$ev{$s}}) if $skip-- == 0;
	}
	die "no event matches $re\n";
}
sub stamp { my ($e) = @_; $e =~ /msg=audit\(([0-9]+)\.([0-9]+):([0-9]+)\)/; return ($1, $2, $3); }
sub put {
	my ($name, @parts) = @_;
	open(my $f, '>:raw', "$out/$name") or die "$out/$name: $!\n";
	print $f @parts;
	close $f;
}

my $exec = pick(qr/^type=EXECVE/);
my $exec2 = pick(qr/^type=EXECVE/, 3);
my $login = pick(qr/^type=USER_LOGIN/);
my $perm = pick(qr/key="perm-change"/);
my $sock = pick(qr/key="net"/);
my ($sec, $ms, $ser) = stamp($login);

# truncated.log: lines cut short; the file ends without a newline.
my @pl = split /(?<=\n)/, $perm;
my $cut = substr($pl[0], 0, int(length($pl[0]) * 0.6)) . "\n";
put('truncated.log', $exec, $cut, @pl[1 .. $#pl],
	"type=PATH msg=audit(\n", "type=PATH msg=audit($sec.$ms\n",
	"type=SYSCALL msg=audit($sec.$ms:$ser): arch=c000003e sysc\n",
	$login, substr($sock, 0, length($sock) - 25));

# garbage.log: binary noise and text that is not a record, between events.
srand(7);
my $noise = join('', map { chr(int(rand(256))) } 1 .. 2048);
put('garbage.log', $exec, $noise, "\n", "hello world\n", "type=\n",
	"msg=audit($sec.$ms:$ser): no type\n", "type=SYSCALL msg=audit(abc:def): x=1\n",
	"type=SYSCALL msg=audit(99999999999999999999999.000:1): x=1\n",
	"\n", "   \n", $login, "\x00\x00\x00\n", $perm);

# longline.log: an exec event whose EXECVE holds a 1 MiB argument.
my $big = 'ab' x (512 * 1024);
(my $long = $exec2) =~ s/^(type=EXECVE msg=audit\([^)]*\): argc=)\d+ (.*)$/${1}2 a0="sh" a1=$big/m;
put('longline.log', $exec, $long, $login);

# eoe.log: the same events with EOE records (as a dispatcher stream has
# them), one event without its EOE, interleaved events, and an unfinished
# event followed by records 10 s later (the eoe timeout).
sub eoe { my ($e) = @_; my ($a, $b, $c) = stamp($e); return "type=EOE msg=audit($a.$b:$c): \n"; }
my @e1 = split /(?<=\n)/, $exec;
my @e2 = split /(?<=\n)/, $perm;
my $later = $login;
$later =~ s/msg=audit\((\d+)\./'msg=audit(' . ($1 + 10) . '.'/e;
$later =~ s/:(\d+)\)/':' . ($1 + 1000000) . ')'/e;
my @inter;
for my $i (0 .. ($#e1 > $#e2 ? $#e1 : $#e2)) {
	push @inter, $e1[$i] if $i <= $#e1;
	push @inter, $e2[$i] if $i <= $#e2;
}
put('eoe.log', $sock, eoe($sock), @inter, eoe($perm), eoe($exec), $exec2,
	$later, eoe($later));

# dup_serial.log: a serial used twice (another time), an event repeated
# whole, and the same stamp from another node.
(my $same_serial = $login) =~ s/msg=audit\((\d+)\./'msg=audit(' . ($1 + 1) . '.'/e;
(my $other_node = $exec) =~ s/^/node=otherhost /mg;
put('dup_serial.log', $exec, $login, $same_serial, $exec, $other_node, $perm);

# unknown_types.log: a number with no name, a name no table knows, a
# known type written as a number, between real events.
put('unknown_types.log', $exec,
	"type=UNKNOWN[1999] msg=audit($sec.$ms:" . ($ser + 1) . "): pid=1 uid=0 auid=1000 ses=1 msg='op=test res=success'\n",
	"type=FROBNICATE msg=audit($sec.$ms:" . ($ser + 2) . "): frob=1 res=success\n",
	"type=UNKNOWN[1112] msg=audit($sec.$ms:" . ($ser + 3) . "): pid=1 uid=0 auid=1000 ses=1 msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=? addr=? terminal=? res=success'\n",
	"type=UNKNOWN[] msg=audit($sec.$ms:" . ($ser + 4) . "): x=1\n",
	$login);

# nonutf8.log: bytes that are not UTF-8 in values, and a NUL inside a line.
put('nonutf8.log', $exec,
	"type=USER msg=audit($sec.$ms:" . ($ser + 1) . "): pid=1 uid=0 auid=1000 ses=1 msg='text=caf\xe9 \xff\xfe exe=\"/usr/bin/x\xc3\x28\" hostname=? addr=? terminal=? res=success'\n",
	"type=SYSCALL msg=audit($sec.$ms:" . ($ser + 2) . "): arch=c000003e syscall=2 success=no exit=-2 items=0 ppid=1 pid=2 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm=\"\xe9t\xe9\" exe=\"/usr/bin/\x80\" key=\"cl\xe9\"\n",
	"type=USER msg=audit($sec.$ms:" . ($ser + 3) . "): pid=1 uid=0 auid=1000 ses=1 msg='text=nul\x00here res=success'\n",
	$login);

put('empty.log');
