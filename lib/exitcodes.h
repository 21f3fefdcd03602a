/*
 * exitcodes: the exit statuses of every auditkit program, in one place.
 * The values are the reference's, as its programs return them.
 */
#ifndef AUDITKIT_EXITCODES_H
#define AUDITKIT_EXITCODES_H

/* auditctl */
enum {
	AUDITCTL_EXIT_OK = 0,
	AUDITCTL_EXIT_FAIL = 1,		/* no arguments; a rules file had errors */
	AUDITCTL_EXIT_NOT_ROOT = 4,	/* neither root nor CAP_AUDIT_CONTROL */
	AUDITCTL_EXIT_ERROR = 255,	/* bad option or value; the kernel refused */
};

/* augenrules */
enum {
	AUGENRULES_EXIT_OK = 0,
	AUGENRULES_EXIT_FAIL = 1,
};

#endif
