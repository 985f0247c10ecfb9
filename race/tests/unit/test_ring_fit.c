// SPDX-License-Identifier: GPL-2.0
/*
 * The reply ring never needs more descriptors than RLIMIT_NOFILE allows,
 * whatever the limit: a small one gives a small ring, not EMFILE mid-run.
 */
#include "check.h"
#include "race.h"

int main(void)
{
	struct check c = { .suite = "test_ring_fit" };
	uint64_t nofile;

	CHECK_EQ(&c, race_ring_fit(4096, 1048576), 4096);
	CHECK_EQ(&c, race_ring_fit(4096, 4096 + RACE_FD_HEADROOM), 4096);
	CHECK_EQ(&c, race_ring_fit(4096, 1024), 1024 - RACE_FD_HEADROOM);
	/* the old code kept 4096 for every limit up to 128 */
	CHECK_EQ(&c, race_ring_fit(4096, 128), 64);
	CHECK_EQ(&c, race_ring_fit(4096, 100), 50);
	CHECK_EQ(&c, race_ring_fit(4096, 20), 10);
	CHECK_EQ(&c, race_ring_fit(4096, RACE_FD_MIN), RACE_FD_MIN / 2);
	CHECK_EQ(&c, race_ring_fit(4096, RACE_FD_MIN - 1), 0);
	CHECK_EQ(&c, race_ring_fit(4096, 0), 0);
	CHECK_EQ(&c, race_ring_fit(16, 1024), 16);
	for (nofile = RACE_FD_MIN; nofile < 5000; nofile++) {
		unsigned int ring = race_ring_fit(4096, nofile);

		CHECK(&c, ring >= 1 && ring <= 4096);
		CHECK(&c, ring + (nofile / 2 < RACE_FD_HEADROOM ?
				  nofile / 2 : RACE_FD_HEADROOM) <= nofile);
	}
	return check_done(&c);
}
