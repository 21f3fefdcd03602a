/*
 * ctl_usage: auditctl's option summary, byte for byte the reference's
 * (scripts and people compare it). auditkit's one addition, --force, is
 * named by the refusal it overrides and in auditctl(8).
 */
#include "ctl.h"

static const char usage_text[] =
"usage: auditctl [options]\n"
"    -a <l,a>                          Append rule to end of <l>ist with <a>ction\n"
"    -A <l,a>                          Add rule at beginning of <l>ist with <a>ction\n"
"    -b <backlog>                      Set max number of outstanding audit buffers\n"
"                                      allowed Default=64\n"
"    -c                                Continue through errors in rules\n"
"    -C f=f                            Compare collected fields if available:\n"
"                                      Field name, operator(=,!=), field name\n"
"    -d <l,a>                          Delete rule from <l>ist with <a>ction\n"
"                                      l=task,exit,user,exclude,filesystem\n"
"                                      a=never,always\n"
"    -D                                Delete all rules and watches\n"
"    -e [0..2]                         Set enabled flag\n"
"    -f [0..2]                         Set failure flag\n"
"                                      0=silent 1=printk 2=panic\n"
"    -F f=v                            Build rule: field name, operator(=,!=,<,>,<=,\n"
"                                      >=,&,&=) value\n"
"    -h                                Help\n"
"    -i                                Ignore errors when reading rules from file\n"
"    -k <key>                          Set filter key on audit rule\n"
"    -l                                List rules\n"
"    -m text                           Send a user-space message\n"
"    -p [r|w|x|a]                      Set permissions filter on watch\n"
"                                      r=read, w=write, x=execute, a=attribute\n"
"    -q <mount,subtree>                make subtree part of mount point's dir watches\n"
"    -r <rate>                         Set limit in messages/sec (0=none)\n"
"    -R <file>                         read rules from file\n"
"    -s                                Report status\n"
"    -S syscall                        Build rule: syscall name or number\n"
"    --signal <signal>                 Send the specified signal to the daemon\n"
"    -t                                Trim directory watches\n"
"    -v                                Version\n"
"    -w <path>                         Insert watch at <path>\n"
"    -W <path>                         Remove watch at <path>\n"
"    --loginuid-immutable              Make loginuids unchangeable once set\n"
"    --backlog_wait_time               Set the kernel backlog_wait_time\n"
"    --reset-lost                      Reset the lost record counter\n"
"    --reset_backlog_wait_time_actual  Reset the actual backlog wait time counter\n";

void ctl_usage(FILE *f)
{
	fputs(usage_text, f);
}
