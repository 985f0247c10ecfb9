/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The round engine. Each round opens one fresh UDP socket, bound to an
 * explicit cycling source port and connected, as a resolver does per
 * lookup. Persistent sender threads, pinned one per CPU (the calling thread
 * is sender 0), are released together by a spin barrier and each send one
 * DNS query on that socket: A from even senders, AAAA from odd ones.
 * Sender 1 can wait a per-round pseudo-random 0..delay_max pause loops
 * first, which moves the second packet into the port re-allocation window.
 *
 * Loss is seen two ways: send() failing with EPERM (conntrack dropped a
 * locally generated packet) and replies that never come (forwarded
 * traffic). Sockets wait for their replies in a ring with a deadline, so a
 * missing reply costs no round time.
 */
#ifndef UDP_RACE_RACE_H
#define UDP_RACE_RACE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define RACE_MAX_THREADS	8
#define RACE_DELAY_BUCKETS	8
/* Descriptors kept free beside the reply ring (stdio, counters, reports). */
#define RACE_FD_HEADROOM	64
#define RACE_FD_MIN		8

struct race_cfg {
	struct sockaddr_storage dst;
	socklen_t dstlen;
	struct sockaddr_storage src;	/* address to bind; port is per round */
	socklen_t srclen;
	uint16_t sport_base;
	uint16_t sport_count;
	unsigned int nthreads;
	int cpus[RACE_MAX_THREADS];	/* -1: pick from the allowed set */
	unsigned int delay_max;
	unsigned int reply_timeout_ms;
	unsigned int ring_size;		/* sockets awaiting replies at most */
	const char *qname;
	uint32_t seed;
};

struct race_stats {
	uint64_t rounds;
	uint64_t sends;			/* send() calls that succeeded */
	uint64_t eperm;			/* send() calls that failed with EPERM */
	uint64_t io_errors;		/* any other send/recv error */
	uint64_t replies;		/* valid answers to our queries */
	uint64_t missing;		/* sent, but no answer in time */
	uint64_t bad_replies;		/* answers to no query of that socket */
	uint64_t lossy_rounds;		/* rounds with an EPERM or a missing reply */
	uint64_t rounds_by_delay[RACE_DELAY_BUCKETS];
	uint64_t lossy_by_delay[RACE_DELAY_BUCKETS];
	int first_io_errno;
};

struct race;

/*
 * Validates @cfg, pins the caller to the first CPU and starts the other
 * senders. On failure returns -errno and writes a message into @err.
 */
int race_start(struct race **out, const struct race_cfg *cfg, char *err,
	       size_t errlen);
/* Sequential single queries until @answers were answered or @ms passed. */
int race_warmup(struct race *r, unsigned int answers, unsigned int ms);
/* Runs @n rounds. Returns 0, or -errno when a round socket cannot be set up. */
int race_rounds(struct race *r, uint64_t n);
/* Waits until every sent query is answered or past its deadline. */
void race_settle(struct race *r);
const struct race_stats *race_get_stats(const struct race *r);
/*
 * The reply ring size that fits @nofile descriptors with headroom: @ring
 * when it fits, smaller when it does not, 0 when @nofile is below
 * RACE_FD_MIN.
 */
unsigned int race_ring_fit(unsigned int ring, uint64_t nofile);
/* CPUs this thread may run on, the senders' share (-errno on failure). */
int race_usable_cpus(void);
unsigned int race_bucket_width(const struct race *r);
/* Stops and joins the senders, closes every socket, frees @r. */
void race_stop(struct race *r);

#endif
