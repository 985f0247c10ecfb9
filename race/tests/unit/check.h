/* SPDX-License-Identifier: GPL-2.0 */
/* Tiny assertion helpers for the unit tests: count failures, keep going. */
#ifndef UDP_RACE_CHECK_H
#define UDP_RACE_CHECK_H

#include <stdio.h>

struct check {
	const char *suite;
	unsigned int run, failed;
};

#define CHECK(c, cond)							\
	do {								\
		(c)->run++;						\
		if (!(cond)) {						\
			(c)->failed++;					\
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n",	\
				__FILE__, __LINE__, #cond);		\
		}							\
	} while (0)

#define CHECK_EQ(c, a, b)						\
	do {								\
		unsigned long long _a = (a), _b = (b);			\
		(c)->run++;						\
		if (_a != _b) {						\
			(c)->failed++;					\
			fprintf(stderr, "%s:%d: %s == %llu, expected %s == %llu\n", \
				__FILE__, __LINE__, #a, _a, #b, _b);	\
		}							\
	} while (0)

static inline int check_done(const struct check *c)
{
	printf("%s: %u checks, %u failed\n", c->suite, c->run, c->failed);
	return c->failed ? 1 : 0;
}

/* Deterministic noise for the malformed-input loops. */
static inline unsigned int check_rand(unsigned int *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

#endif
