// SPDX-License-Identifier: GPL-2.0
/* The verdict rules, one row per situation the instrument can meet. */
#include <string.h>

#include "check.h"
#include "verdict.h"

struct row {
	const char *what;
	struct verdict_in in;
	enum verdict want;
	int exit_code;
};

#define OK .setup_ok = true, .counters_ok = true, .min_clashes = 300

static const struct row rows[] = {
	{ "4.15 as shipped: every clash dropped, EPERM",
	  { OK, .clashes = 3764, .insert_failed = 3764, .drops = 3764, .lost = 3764 },
	  V_AFFECTED, 1 },
	{ "one drop is enough",
	  { OK, .clashes = 5, .insert_failed = 5, .drops = 1, .lost = 1 },
	  V_AFFECTED, 1 },
	{ "4.15 fixed: clashes merged",
	  { OK, .clashes = 3860, .insert_failed = 3860 }, V_FIXED, 0 },
	{ "6.x: clashes resolved",
	  { OK, .clashes = 3939 }, V_FIXED, 0 },
	{ "exactly the threshold",
	  { OK, .clashes = 300 }, V_FIXED, 0 },
	{ "one short of it",
	  { OK, .clashes = 299 }, V_INCONCLUSIVE, 77 },
	{ "no clash at all (one CPU)",
	  { OK }, V_INCONCLUSIVE, 77 },
	{ "one usable CPU: not run, never FIXED or ERROR",
	  { .single_cpu = true, .min_clashes = 300 }, V_INCONCLUSIVE, 77 },
	{ "one usable CPU wins over what the counters say",
	  { OK, .single_cpu = true, .clashes = 1000 }, V_INCONCLUSIVE, 77 },
	{ "calibration clean",
	  { OK, .calibration = true, .clashes = 1900, .insert_failed = 1900 }, V_FIXED, 0 },
	{ "calibration dropped: broken setup, never AFFECTED",
	  { OK, .calibration = true, .clashes = 10, .insert_failed = 10, .drops = 3, .lost = 3 },
	  V_ERROR, 2 },
	{ "loss without a conntrack drop",
	  { OK, .clashes = 1000, .lost = 20 }, V_ERROR, 2 },
	{ "conntrack drops, nothing of ours lost",
	  { OK, .clashes = 1000, .insert_failed = 1000, .drops = 5 }, V_ERROR, 2 },
	{ "drops beyond insert failures: table full",
	  { OK, .clashes = 10, .insert_failed = 10, .drops = 50, .lost = 50 }, V_ERROR, 2 },
	{ "early_drop moved",
	  { OK, .clashes = 1000, .early_drop = 1 }, V_ERROR, 2 },
	{ "other socket errors",
	  { OK, .clashes = 1000, .io_errors = 1 }, V_ERROR, 2 },
	{ "replies to no query",
	  { OK, .clashes = 1000, .bad_replies = 1 }, V_ERROR, 2 },
	{ "counters unreadable",
	  { .setup_ok = true, .min_clashes = 300, .clashes = 1000 }, V_ERROR, 2 },
	{ "setup failed",
	  { .counters_ok = true, .min_clashes = 300 }, V_ERROR, 2 },
};

int main(void)
{
	struct check c = { .suite = "test_verdict" };
	unsigned int i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *why = NULL;
		enum verdict v = verdict_decide(&rows[i].in, &why);

		if (v != rows[i].want)
			fprintf(stderr, "row '%s': got %s (%s)\n", rows[i].what,
				verdict_name(v), why);
		CHECK_EQ(&c, v, rows[i].want);
		CHECK_EQ(&c, verdict_exit_code(v), rows[i].exit_code);
		CHECK(&c, why && (v == V_FIXED || why[0]));
	}
	CHECK(&c, !strcmp(verdict_name(V_AFFECTED), "AFFECTED"));
	CHECK(&c, !strcmp(verdict_name(V_INCONCLUSIVE), "INCONCLUSIVE"));
	CHECK_EQ(&c, verdict_decide(&rows[0].in, NULL), V_AFFECTED);
	return check_done(&c);
}
