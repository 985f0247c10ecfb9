// SPDX-License-Identifier: GPL-2.0
/*
 * The verdict words and exit codes, C side (the shell side is
 * race/udp-race-verdict.sh). AFFECTED needs a conntrack drop *and* a lost packet of ours in the same
 * run: either alone means something other than the race is at work, and
 * the instrument says ERROR rather than guess. FIXED needs enough clashes
 * that zero drops is evidence (300 clashes: below 1% per clash at 95%).
 */
#include <stddef.h>

#include "verdict.h"

enum verdict verdict_decide(const struct verdict_in *in, const char **why)
{
	const char *dummy;

	if (!why)
		why = &dummy;
	*why = "";
	if (in->single_cpu) {
		*why = "the race needs two CPUs";
		return V_INCONCLUSIVE;
	}
	if (!in->setup_ok) {
		*why = "setup failed";
		return V_ERROR;
	}
	if (!in->counters_ok) {
		*why = "conntrack statistics unreadable";
		return V_ERROR;
	}
	if (in->io_errors) {
		*why = "socket errors other than EPERM";
		return V_ERROR;
	}
	if (in->bad_replies) {
		*why = "replies that answer no query sent";
		return V_ERROR;
	}
	if (in->early_drop) {
		*why = "conntrack table pressure (early_drop)";
		return V_ERROR;
	}
	if (in->drops > in->insert_failed) {
		*why = "conntrack drops that are not insert failures (table full?)";
		return V_ERROR;
	}
	if (in->calibration && (in->drops || in->lost)) {
		*why = "calibration without NAT lost packets: setup broken";
		return V_ERROR;
	}
	if (in->drops && in->lost) {
		*why = "clashing packets dropped by conntrack";
		return V_AFFECTED;
	}
	if (in->drops) {
		*why = "conntrack drops without a lost packet of ours";
		return V_ERROR;
	}
	if (in->lost) {
		*why = "packets lost without a conntrack drop";
		return V_ERROR;
	}
	if (in->clashes < in->min_clashes) {
		*why = "too few clashes to conclude";
		return V_INCONCLUSIVE;
	}
	return V_FIXED;
}

const char *verdict_name(enum verdict v)
{
	switch (v) {
	case V_FIXED:
		return "FIXED";
	case V_AFFECTED:
		return "AFFECTED";
	case V_INCONCLUSIVE:
		return "INCONCLUSIVE";
	case V_ERROR:
		break;
	}
	return "ERROR";
}

static const int exit_of[] = {
	[V_FIXED] = URT_EXIT_FIXED,
	[V_AFFECTED] = URT_EXIT_AFFECTED,
	[V_INCONCLUSIVE] = URT_EXIT_INCONCLUSIVE,
	[V_ERROR] = URT_EXIT_ERROR,
};

int verdict_exit_code(enum verdict v)
{
	if ((unsigned int)v >= sizeof(exit_of) / sizeof(exit_of[0]))
		return URT_EXIT_ERROR;
	return exit_of[v];
}
