// SPDX-License-Identifier: GPL-2.0
/*
 * udp-race-burst: the upstream selftest's way of provoking the race, for
 * comparison only. Per run: one fresh connected socket, N unpinned threads
 * spinning on one flag, each sending one query when it flips.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>

#include "addr.h"
#include "dns.h"
#include "opt.h"
#include "spin_barrier.h"

struct burst {
	atomic_int go;
	atomic_uint ready;
	int fd;
	uint8_t query[DNS_MSG_MAX];
	int qlen;
	atomic_ulong sent, eperm, other;
};

static void *burst_thread(void *arg)
{
	struct burst *b = arg;

	atomic_fetch_add(&b->ready, 1);
	while (!atomic_load_explicit(&b->go, memory_order_acquire))
		cpu_relax();
	if (send(b->fd, b->query, b->qlen, 0) == b->qlen)
		atomic_fetch_add(&b->sent, 1);
	else if (errno == EPERM)
		atomic_fetch_add(&b->eperm, 1);
	else
		atomic_fetch_add(&b->other, 1);
	return NULL;
}

int main(int argc, char **argv)
{
	struct sockaddr_storage dst, src;
	socklen_t dstlen = 0;
	uint64_t runs = 10, nthreads = 128, run, port = 45000;
	struct burst b;
	pthread_t *tid;
	struct timespec t0, t1;
	int opt;

	while ((opt = getopt(argc, argv, "d:r:t:p:")) != -1) {
		switch (opt) {
		case 'd':
			if (addr_parse(optarg, true, &dst, &dstlen))
				goto usage;
			break;
		case 'r':
			if (opt_uint(optarg, 1, 100000, &runs))
				goto usage;
			break;
		case 't':
			if (opt_uint(optarg, 1, 1024, &nthreads))
				goto usage;
			break;
		case 'p':
			if (opt_uint(optarg, 1024, 65000, &port))
				goto usage;
			break;
		default:
			goto usage;
		}
	}
	if (!dstlen)
		goto usage;
	tid = calloc(nthreads, sizeof(*tid));
	if (!tid)
		return 1;
	memset(&b, 0, sizeof(b));
	b.qlen = dns_build_query(b.query, sizeof(b.query), 1,
				 "kubernetes.default.svc.cluster.local", DNS_TYPE_A);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (run = 0; run < runs; run++) {
		uint64_t k;

		memset(&src, 0, sizeof(src));
		src.ss_family = dst.ss_family;
		if (dst.ss_family == AF_INET6)
			((struct sockaddr_in6 *)&src)->sin6_port = htons(port + run);
		else
			((struct sockaddr_in *)&src)->sin_port = htons(port + run);
		b.fd = socket(dst.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		if (b.fd < 0 || bind(b.fd, (struct sockaddr *)&src, dstlen) < 0 ||
		    connect(b.fd, (struct sockaddr *)&dst, dstlen) < 0) {
			perror("udp-race-burst: socket");
			return 1;
		}
		atomic_store(&b.go, 0);
		atomic_store(&b.ready, 0);
		for (k = 0; k < nthreads; k++)
			if (pthread_create(&tid[k], NULL, burst_thread, &b)) {
				fprintf(stderr, "udp-race-burst: pthread_create failed\n");
				return 1;
			}
		while (atomic_load(&b.ready) < nthreads)
			cpu_relax();
		atomic_store_explicit(&b.go, 1, memory_order_release);
		for (k = 0; k < nthreads; k++)
			pthread_join(tid[k], NULL);
		close(b.fd);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("runs=%llu threads=%llu sent=%lu eperm=%lu other_errors=%lu seconds=%.3f\n",
	       (unsigned long long)runs, (unsigned long long)nthreads,
	       atomic_load(&b.sent), atomic_load(&b.eperm), atomic_load(&b.other),
	       (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	free(tid);
	return 0;
usage:
	fputs("Usage: udp-race-burst -d ADDR:PORT [-r RUNS] [-t THREADS] [-p FIRST_PORT]\n",
	      stderr);
	return 2;
}
