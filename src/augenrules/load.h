/*
 * load: hand the generated rules file to auditctl, the way `auditctl -R`
 * loads it at boot, unless the kernel's audit configuration is locked.
 *
 * Locked means "enabled 2": the kernel then refuses every rule change
 * until reboot, so trying would only produce one error per rule. Whether
 * it is locked is asked of the same auditctl (`auditctl -s`, the line
 * "enabled N"); when that question cannot be answered the load is tried
 * anyway and auditctl reports what is wrong.
 */
#ifndef AUGENRULES_LOAD_H
#define AUGENRULES_LOAD_H

/* 1 when `auditctl -s` says enabled 2, else 0. */
int load_locked(const char *auditctl);
/* Run `auditctl -R rules_file`; its exit status as spawn_run() gives it,
 * or negative errno when it could not be started. */
int load_rules(const char *auditctl, const char *rules_file);
/* The auditctl used when none is configured: "auditctl" in the directory
 * of the running program if there is an executable one, else the
 * system's /sbin/auditctl. Returns a malloc'd string, NULL on ENOMEM. */
char *load_default_auditctl(void);

#endif
