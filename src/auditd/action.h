#ifndef AUDITD_ACTION_H
#define AUDITD_ACTION_H
#endif
