#ifndef AUDITD_SPACE_H
#define AUDITD_SPACE_H
#endif
