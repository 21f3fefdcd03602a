/*
 * report: the findings for people (text) or programs (--json).
 *
 * Text: a headline, then one block per finding, worst first: severity and
 * id, the summary, the evidence as "key: value" lines, the fix; then the
 * checks that could not run and why. JSON: one object
 *   {"findings": [{"id", "severity", "summary", "evidence": {...}, "fix"}],
 *    "status": {...the sampled kernel figures...},
 *    "skipped": [{"check", "reason"}]}
 * as audoctor(8) documents it.
 */
#ifndef AUDOCTOR_REPORT_H
#define AUDOCTOR_REPORT_H

#include <stdio.h>

#include "audoctor.h"

/* The findings must be sorted already. */
void report_text(const struct doctor *d, FILE *out);
void report_json(const struct doctor *d, FILE *out);

/* A number as JSON: integers without a fraction, others with up to six
 * significant digits, non-finite values as null. Shared with plan. */
void report_json_real(FILE *out, double v);

#endif
