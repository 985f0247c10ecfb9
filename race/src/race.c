// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/resource.h>

#include "dns.h"
#include "race.h"
#include "spin_barrier.h"

#define BIND_TRIES	64

/* What sender 0 prepares before releasing the others; read after "go". */
struct round_slot {
	int fd;
	unsigned int delay;
	int qlen[RACE_MAX_THREADS];
	uint8_t query[RACE_MAX_THREADS][DNS_MSG_MAX];
	int err[RACE_MAX_THREADS];	/* each sender's send() result */
};

/* A round's socket waiting for its replies. */
struct pending {
	int fd;
	uint64_t deadline_ns;
	uint16_t id_base;
	uint8_t expected;	/* bit per sender whose send() succeeded */
	uint8_t got;		/* bit per sender whose reply arrived */
	uint8_t bucket;
	bool lossy;
};

struct worker {
	struct race *r;
	unsigned int idx;
};

struct race {
	struct race_cfg cfg;
	struct race_stats st;
	struct spin_barrier go, done;
	atomic_bool stop;
	struct round_slot slot;
	pthread_t tid[RACE_MAX_THREADS];
	struct worker workers[RACE_MAX_THREADS];
	unsigned int nstarted;
	struct pending *ring;
	unsigned int head, count;
	uint32_t rng;
	uint32_t next_port;
	uint16_t next_id;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static uint32_t xorshift32(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

static uint16_t qtype_of(unsigned int sender)
{
	return sender % 2 ? DNS_TYPE_AAAA : DNS_TYPE_A;
}

static void send_query(struct race *r, unsigned int k)
{
	struct round_slot *s = &r->slot;

	s->err[k] = send(s->fd, s->query[k], s->qlen[k], 0) < 0 ? errno : 0;
}

static void *sender_main(void *arg)
{
	struct worker *w = arg;
	struct race *r = w->r;

	for (;;) {
		spin_barrier_wait(&r->go);
		if (atomic_load_explicit(&r->stop, memory_order_acquire))
			break;
		if (w->idx == 1)
			spin_delay(r->slot.delay);
		send_query(r, w->idx);
		spin_barrier_wait(&r->done);
	}
	return NULL;
}

static void set_port(struct sockaddr_storage *ss, uint16_t port)
{
	if (ss->ss_family == AF_INET6)
		((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
	else
		((struct sockaddr_in *)ss)->sin_port = htons(port);
}

/* A fresh socket bound to the next free port of the cycle, connected. */
static int round_socket(struct race *r)
{
	struct sockaddr_storage src = r->cfg.src;
	int tries, fd, err = EADDRINUSE;

	fd = socket(r->cfg.dst.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	for (tries = 0; tries < BIND_TRIES; tries++) {
		uint16_t port = r->cfg.sport_base +
				r->next_port++ % r->cfg.sport_count;

		set_port(&src, port);
		if (bind(fd, (struct sockaddr *)&src, r->cfg.srclen) == 0)
			goto bound;
		err = errno;
		if (err != EADDRINUSE)
			break;
	}
	goto fail;
bound:
	if (connect(fd, (struct sockaddr *)&r->cfg.dst, r->cfg.dstlen) < 0) {
		err = errno;
		goto fail;
	}
	return fd;
fail:
	close(fd);
	return -err;
}

static void note_io_error(struct race *r, int err)
{
	if (!r->st.io_errors++)
		r->st.first_io_errno = err;
}

/* Reads whatever replies have arrived on @p's socket. */
static void drain(struct race *r, struct pending *p)
{
	uint8_t buf[DNS_MSG_MAX];

	for (;;) {
		struct dns_question q;
		unsigned int k;
		ssize_t n = recv(p->fd, buf, sizeof(buf), MSG_DONTWAIT);

		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				note_io_error(r, errno);
			if (errno == EINTR)
				continue;
			return;
		}
		if (dns_parse_question(buf, n, &q) < 0) {
			r->st.bad_replies++;
			continue;
		}
		k = (uint16_t)(q.id - p->id_base);
		if (k >= r->cfg.nthreads || !(p->expected & (1u << k)) ||
		    (p->got & (1u << k)) ||
		    dns_check_response(buf, n, q.id, r->cfg.qname,
				       qtype_of(k)) < 0) {
			r->st.bad_replies++;
			continue;
		}
		p->got |= 1u << k;
		r->st.replies++;
	}
}

static void finish(struct race *r, struct pending *p)
{
	unsigned int missing = __builtin_popcount(p->expected & ~p->got);

	r->st.missing += missing;
	if (missing || p->lossy) {
		r->st.lossy_rounds++;
		r->st.lossy_by_delay[p->bucket]++;
	}
	close(p->fd);
	r->head = (r->head + 1) % r->cfg.ring_size;
	r->count--;
}

/*
 * Retires the oldest socket once all its replies are in or its deadline has
 * passed; with @wait, waits for that. Returns whether it was retired.
 */
static bool retire_oldest(struct race *r, bool wait)
{
	struct pending *p = &r->ring[r->head];

	for (;;) {
		struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
		uint64_t now;

		drain(r, p);
		now = now_ns();
		if (p->got == p->expected || now >= p->deadline_ns) {
			finish(r, p);
			return true;
		}
		if (!wait)
			return false;
		poll(&pfd, 1, (int)((p->deadline_ns - now) / 1000000) + 1);
	}
}

/* Retires finished sockets in order; with @wait, all of them. */
static void reap(struct race *r, bool wait)
{
	while (r->count && retire_oldest(r, wait))
		;
}

unsigned int race_bucket_width(const struct race *r)
{
	return r->cfg.delay_max / RACE_DELAY_BUCKETS + 1;
}

static int one_round(struct race *r)
{
	struct round_slot *s = &r->slot;
	struct pending *p;
	unsigned int k;
	int fd;

	if (r->count == r->cfg.ring_size)
		retire_oldest(r, true);	/* ring full: wait for the oldest only */
	fd = round_socket(r);
	if (fd < 0)
		return fd;
	p = &r->ring[(r->head + r->count) % r->cfg.ring_size];
	memset(p, 0, sizeof(*p));
	p->fd = fd;
	p->id_base = r->next_id;
	r->next_id += RACE_MAX_THREADS;
	for (k = 0; k < r->cfg.nthreads; k++) {
		s->qlen[k] = dns_build_query(s->query[k], sizeof(s->query[k]),
					     p->id_base + k, r->cfg.qname,
					     qtype_of(k));
		s->err[k] = 0;
	}
	s->fd = fd;
	s->delay = r->cfg.delay_max ?
		   xorshift32(&r->rng) % (r->cfg.delay_max + 1) : 0;
	p->bucket = s->delay / race_bucket_width(r);

	spin_barrier_wait(&r->go);
	send_query(r, 0);
	spin_barrier_wait(&r->done);

	for (k = 0; k < r->cfg.nthreads; k++) {
		if (!s->err[k]) {
			p->expected |= 1u << k;
			r->st.sends++;
		} else if (s->err[k] == EPERM) {
			r->st.eperm++;
			p->lossy = true;
		} else {
			note_io_error(r, s->err[k]);
		}
	}
	p->deadline_ns = now_ns() + r->cfg.reply_timeout_ms * 1000000ull;
	r->count++;
	r->st.rounds++;
	r->st.rounds_by_delay[p->bucket]++;
	reap(r, false);
	return 0;
}

int race_rounds(struct race *r, uint64_t n)
{
	while (n--) {
		int err = one_round(r);

		if (err)
			return err;
	}
	return 0;
}

void race_settle(struct race *r)
{
	reap(r, true);
}

int race_warmup(struct race *r, unsigned int answers, unsigned int ms)
{
	uint64_t end = now_ns() + ms * 1000000ull;
	unsigned int got = 0;

	while (got < answers && now_ns() < end) {
		uint8_t q[DNS_MSG_MAX], buf[DNS_MSG_MAX];
		struct pollfd pfd;
		uint16_t id = r->next_id++;
		int len, fd = round_socket(r);

		if (fd < 0)
			return fd;
		len = dns_build_query(q, sizeof(q), id, r->cfg.qname, DNS_TYPE_A);
		pfd.fd = fd;
		pfd.events = POLLIN;
		if (send(fd, q, len, 0) == len && poll(&pfd, 1, 200) == 1) {
			ssize_t n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);

			if (n > 0 && dns_check_response(buf, n, id, r->cfg.qname,
							DNS_TYPE_A) == 0)
				got++;
		}
		close(fd);
	}
	return got < answers ? -ETIMEDOUT : 0;
}

const struct race_stats *race_get_stats(const struct race *r)
{
	return &r->st;
}

int race_usable_cpus(void)
{
	cpu_set_t allowed;

	if (sched_getaffinity(0, sizeof(allowed), &allowed) < 0)
		return -errno;
	return CPU_COUNT(&allowed);
}

static int pick_cpus(struct race_cfg *cfg, char *err, size_t errlen)
{
	cpu_set_t allowed;
	unsigned int k, next = 0;

	if (sched_getaffinity(0, sizeof(allowed), &allowed) < 0) {
		snprintf(err, errlen, "sched_getaffinity: %s", strerror(errno));
		return -errno;
	}
	for (k = 0; k < cfg->nthreads; k++) {
		if (cfg->cpus[k] >= 0)
			continue;
		while (next < CPU_SETSIZE && !CPU_ISSET(next, &allowed))
			next++;
		if (next == CPU_SETSIZE) {
			snprintf(err, errlen,
				 "%u sender threads but only %d usable CPUs: at most one sender per CPU",
				 cfg->nthreads, CPU_COUNT(&allowed));
			return -EINVAL;
		}
		cfg->cpus[k] = (int)next++;
	}
	return 0;
}

static int pin(pthread_t t, int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return pthread_setaffinity_np(t, sizeof(set), &set);
}

unsigned int race_ring_fit(unsigned int ring, uint64_t nofile)
{
	uint64_t headroom = nofile / 2 < RACE_FD_HEADROOM ?
			    nofile / 2 : RACE_FD_HEADROOM;

	if (nofile < RACE_FD_MIN)
		return 0;
	if (nofile - headroom < ring)
		return (unsigned int)(nofile - headroom);
	return ring;
}

/* Enough descriptors for the reply ring, or a ring that fits the limit. */
static int raise_nofile(struct race_cfg *cfg, char *err, size_t errlen)
{
	uint64_t want = (uint64_t)cfg->ring_size + RACE_FD_HEADROOM;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
		return 0;
	if (rl.rlim_cur < want) {
		rl.rlim_cur = rl.rlim_max < want ? rl.rlim_max : want;
		if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	cfg->ring_size = race_ring_fit(cfg->ring_size, rl.rlim_cur);
	if (!cfg->ring_size) {
		snprintf(err, errlen, "RLIMIT_NOFILE %llu is too small: at least %d descriptors needed",
			 (unsigned long long)rl.rlim_cur, RACE_FD_MIN);
		return -EMFILE;
	}
	return 0;
}

int race_start(struct race **out, const struct race_cfg *cfg, char *err,
	       size_t errlen)
{
	struct race *r;
	unsigned int k;
	int ret;

	*out = NULL;
	if (cfg->nthreads < 1 || cfg->nthreads > RACE_MAX_THREADS ||
	    !cfg->sport_count || !cfg->ring_size || !cfg->qname) {
		snprintf(err, errlen, "invalid race configuration");
		return -EINVAL;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	r->cfg = *cfg;
	r->rng = cfg->seed ? cfg->seed : 1;
	r->next_id = (uint16_t)xorshift32(&r->rng);
	ret = pick_cpus(&r->cfg, err, errlen);
	if (ret)
		goto fail;
	ret = raise_nofile(&r->cfg, err, errlen);
	if (ret)
		goto fail;
	r->ring = calloc(r->cfg.ring_size, sizeof(*r->ring));
	if (!r->ring) {
		snprintf(err, errlen, "out of memory");
		ret = -ENOMEM;
		goto fail;
	}
	spin_barrier_init(&r->go, r->cfg.nthreads);
	spin_barrier_init(&r->done, r->cfg.nthreads);
	atomic_init(&r->stop, false);
	ret = -pin(pthread_self(), r->cfg.cpus[0]);
	if (ret) {
		snprintf(err, errlen, "cannot pin sender 0 to CPU %d: %s",
			 r->cfg.cpus[0], strerror(-ret));
		goto fail;
	}
	for (k = 1; k < r->cfg.nthreads; k++) {
		pthread_attr_t attr;
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(r->cfg.cpus[k], &set);
		pthread_attr_init(&attr);
		pthread_attr_setaffinity_np(&attr, sizeof(set), &set);
		r->workers[k].r = r;
		r->workers[k].idx = k;
		ret = -pthread_create(&r->tid[k], &attr, sender_main,
				      &r->workers[k]);
		pthread_attr_destroy(&attr);
		if (ret) {
			snprintf(err, errlen, "cannot start sender %u on CPU %d: %s",
				 k, r->cfg.cpus[k], strerror(-ret));
			goto fail;
		}
		r->nstarted++;
	}
	*out = r;
	return 0;
fail:
	race_stop(r);
	return ret;
}

void race_stop(struct race *r)
{
	unsigned int k;

	if (!r)
		return;
	if (r->nstarted) {
		/* the senders that started wait at "go"; release them to exit */
		spin_barrier_set_parties(&r->go, r->nstarted + 1);
		atomic_store_explicit(&r->stop, true, memory_order_release);
		spin_barrier_wait(&r->go);
		for (k = 1; k <= r->nstarted; k++)
			pthread_join(r->tid[k], NULL);
	}
	while (r->count) {
		close(r->ring[r->head].fd);
		r->head = (r->head + 1) % r->cfg.ring_size;
		r->count--;
	}
	free(r->ring);
	free(r);
}
