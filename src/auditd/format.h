#ifndef AUDITD_FORMAT_H
#define AUDITD_FORMAT_H
#endif
