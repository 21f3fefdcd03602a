/* auditctl core: placeholder. */
int auditctl_placeholder(void);
int auditctl_placeholder(void) { return 0; }
