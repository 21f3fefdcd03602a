/*
 * records: the text of auditd's own records (DAEMON_START, END, CONFIG,
 * ROTATE, RESUME, ABORT, ERR), with the reference's fields, as payloads
 * in the kernel's form ("audit(SEC.MSEC:SERIAL): fields") so the writer
 * formats them like any kernel record. Serials come from the daemon's
 * own counter.
 */
#ifndef AUDITD_RECORDS_H
#define AUDITD_RECORDS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The record types (linux/audit.h keeps them out of the uapi header). */
enum {
	RECORDS_DAEMON_START = 1200,
	RECORDS_DAEMON_END = 1201,
	RECORDS_DAEMON_ABORT = 1202,
	RECORDS_DAEMON_CONFIG = 1203,
	RECORDS_DAEMON_ROTATE = 1205,
	RECORDS_DAEMON_RESUME = 1206,
	RECORDS_DAEMON_ERR = 1209,
};

/* Who asked for something: the sender of a signal as the kernel's
 * AUDIT_SIGNAL_INFO and the signal's siginfo report it. */
struct records_sender {
	uint32_t auid, uid, ses;
	pid_t pid;
	char subj[256];		/* "" = none ("?") */
};

/* This process as a sender (for records auditd causes itself). */
void records_self(struct records_sender *ret);

/* Each writes a NUL-terminated payload into buf and returns its length
 * (truncated to cap - 1 if cap is too small; 512 bytes always suffice). */
size_t records_start(char *buf, size_t cap, const char *format_name);
size_t records_end(char *buf, size_t cap, const struct records_sender *s);
size_t records_rotate(char *buf, size_t cap, const struct records_sender *s);
size_t records_resume(char *buf, size_t cap, const struct records_sender *s,
		      uint64_t held, uint64_t dropped);
/* ok: the new configuration was taken; else it was refused. */
size_t records_config(char *buf, size_t cap, const struct records_sender *s,
		      int ok);
/* op: a short reason word ("disk-full", "write-error", ...). */
size_t records_abort(char *buf, size_t cap, const char *op);
size_t records_err(char *buf, size_t cap, const char *op);

#endif
