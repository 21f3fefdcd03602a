/*
 * items: what aureport knows of one event, taken from its records the way
 * the reference's parsers take it (found by experiment on crafted logs):
 * the first record's type, the time stamp, success, the login uid, pid,
 * syscall, exe, comm, terminal, host, account, keys, file names and the
 * AVC and TTY details.
 *
 * Each record type has its parser: SYSCALL, PATH, SOCKADDR, LOGIN,
 * CONFIG_CHANGE, daemon records, user-space messages (msg='...'), AVC,
 * kernel anomalies, integrity, MAC and TTY records; other types give
 * nothing. Strings borrow the event's bytes or live in the items' own
 * arena (hex-decoded values); both are valid until the next items_fill.
 */
#ifndef AUREPORT_ITEMS_H
#define AUREPORT_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"

struct str {
	const char *p;	/* NULL: absent */
	size_t n;
};

enum succ { SUCC_UNSET, SUCC_NO, SUCC_YES };

#define ITEMS_MAX_LIST 64

struct avc_item {
	struct str comm, subj, cls, perm, obj, result;
};

#define ITEMS_MAX_SOCKS 8

struct items_sock {
	const struct record *r;
	size_t file_pos;	/* where its unix path goes among the files */
};

struct items {
	const struct event *ev;
	int type;		/* the first record's */
	struct str type_name;
	enum succ success;
	bool has_syscall_rec;	/* a SYSCALL record */
	bool parse_error;	/* a user message ending in terminal=: the reference's
				 * parser fails there; the summary, -u, -x and -tm
				 * skip the event */
	bool uid_error;		/* ouid=N or inode_uid=N in a message: -u skips it */
	bool has_uid;		/* a uid= field (what -u selects on) */
	int64_t auid;		/* -2 when unset, -1 for 4294967295 */
	int64_t pid;		/* -1 when unset */
	int64_t ses;
	long syscall;		/* 0 when unset */
	uint32_t arch;
	struct str exe, comm, term, host, acct, tty_data;
	int64_t id;		/* id= of a user message */
	bool has_id;
	struct str enriched_syscall;	/* SYSCALL= of an ENRICHED record */
	struct str user_subj;	/* subj= of a USER_AVC's sender */
	struct str keys[ITEMS_MAX_LIST];
	size_t nkeys;
	struct str files[ITEMS_MAX_LIST];
	size_t nfiles;
	struct avc_item avcs[8];
	size_t navcs;
	struct items_sock socks[ITEMS_MAX_SOCKS];
	size_t nsocks;		/* SOCKADDR records not read yet */
	bool sock_error;	/* a socket address too short: event skipped */
	bool debug;		/* --debug: name unparsed record types on stderr */
	bool reads_files;	/* read PATH names (only -f and the summary do) */
	bool reads_terminal;	/* the report reads terminals: --debug tells
				 * of user messages failing there */
	char *arena;		/* decoded strings */
	size_t arena_len, arena_cap;
};

void items_init(struct items *it);
void items_release(struct items *it);

/* Extract *it from ev (borrowed until the next call). Returns 0 or
 * -ENOMEM. Warnings about short socket addresses go to warn (the
 * reference prints them on stderr). */
int items_fill(struct items *it, const struct event *ev);

/* Read the event's socket addresses: its host, unix socket paths among
 * its files. Warns on stderr of short addresses (as the reference does,
 * only in the reports that read them) and sets sock_error. */
void items_sockaddr(struct items *it);

/* Whether the value s is str text c. */
bool str_eq(struct str s, const char *c);

#endif
