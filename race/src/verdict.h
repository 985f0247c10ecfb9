/* SPDX-License-Identifier: GPL-2.0 */
/* From what one scenario observed to what it means for the kernel. */
#ifndef UDP_RACE_VERDICT_H
#define UDP_RACE_VERDICT_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The exit code of each verdict, written once for C; the shell side's
 * URT_EXIT_* (race/udp-race-verdict.sh) are the same numbers. 77 is
 * automake's skip code, which autopkgtest's "skippable" takes too.
 */
enum urt_exit {
	URT_EXIT_FIXED = 0,
	URT_EXIT_AFFECTED = 1,
	URT_EXIT_ERROR = 2,
	URT_EXIT_INCONCLUSIVE = 77,
};

enum verdict {
	V_FIXED,
	V_AFFECTED,
	V_INCONCLUSIVE,
	V_ERROR,
};

struct verdict_in {
	bool single_cpu;	/* fewer than two usable CPUs: nothing can race */
	bool setup_ok;		/* topology, responder and warm-up worked */
	bool counters_ok;	/* insert_failed and drop were readable */
	bool calibration;	/* nonat: nothing may drop on any kernel */
	uint64_t clashes;
	uint64_t drops;		/* conntrack drop counter delta */
	uint64_t insert_failed;	/* every clash drop also counts here */
	uint64_t lost;		/* EPERM sends + missing replies */
	uint64_t io_errors;	/* send/recv errors other than EPERM */
	uint64_t bad_replies;	/* replies that answer no query we sent */
	uint64_t early_drop;	/* table pressure: drops not from clashes */
	uint64_t min_clashes;
};

/* Decides; *why gets a short static reason for anything but FIXED. */
enum verdict verdict_decide(const struct verdict_in *in, const char **why);
const char *verdict_name(enum verdict v);
/* The verdict's exit code (enum urt_exit). */
int verdict_exit_code(enum verdict v);

#endif
