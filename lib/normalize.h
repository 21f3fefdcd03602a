/*
 * normalize: an event reduced to who did what to what, how, as the
 * reference's csv and text formats of ausearch print it (subject, action,
 * object, how, result). Being written: the contract is settled by its
 * author; ausearch --format csv/text use it.
 */
#ifndef AUDITKIT_NORMALIZE_H
#define AUDITKIT_NORMALIZE_H
#endif
