#!/usr/bin/env python3
"""A stand-in audit daemon for audoctor's daemon tests.

It opens a NETLINK_AUDIT socket, registers itself as the audit daemon
(AUDIT_SET with mask AUDIT_STATUS_PID, struct audit_status as in
/usr/include/linux/audit.h), prints "ready", and then either:

  sleep       never reads: the socket's receive queue fills and stays full
  slow MS     reads one message, then spends MS milliseconds of CPU on it
              (a daemon that reads, but slower than records arrive)

SIGTERM ends it (exit 0). The kernel forgets the registration only when
its next send to the closed socket fails.
"""
import os
import signal
import socket
import struct
import sys
import time

NETLINK_AUDIT = 9
AUDIT_SET = 1001
AUDIT_STATUS_PID = 0x0004
NLMSG_ERROR = 2
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4


def register(sock):
    # struct audit_status: mask, enabled, failure, pid, rate_limit,
    # backlog_limit, lost, backlog, version, backlog_wait_time,
    # backlog_wait_time_actual: eleven u32.
    status = struct.pack("=11I", AUDIT_STATUS_PID, 0, 0, os.getpid(),
                         0, 0, 0, 0, 0, 0, 0)
    header = struct.pack("=IHHII", 16 + len(status), AUDIT_SET,
                         NLM_F_REQUEST | NLM_F_ACK, 1, 0)
    sock.send(header + status)
    while True:
        reply = sock.recv(65536)
        _, kind, _, seq, _ = struct.unpack_from("=IHHII", reply)
        if kind == NLMSG_ERROR and seq == 1:
            (err,) = struct.unpack_from("=i", reply, 16)
            if err:
                sys.exit("AUDIT_SET pid: %s" % os.strerror(-err))
            return


def busy(ms):
    end = time.process_time() + ms / 1000.0
    while time.process_time() < end:
        pass


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("sleep", "slow") or \
            (sys.argv[1] == "slow" and len(sys.argv) != 3):
        sys.exit("usage: audoctor_fake_daemon.py sleep | slow MS")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_AUDIT)
    sock.bind((0, 0))
    register(sock)
    print("ready", flush=True)
    if sys.argv[1] == "sleep":
        while True:
            signal.pause()
    ms = float(sys.argv[2])
    while True:
        sock.recv(65536)
        busy(ms)


if __name__ == "__main__":
    main()
