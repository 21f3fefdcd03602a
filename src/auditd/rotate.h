#ifndef AUDITD_ROTATE_H
#define AUDITD_ROTATE_H
#endif
