// SPDX-License-Identifier: GPL-2.0
/*
 * udp-race-respond: answers every DNS query on the given addresses, in
 * batches, so it is never what limits the race test. One socket per
 * address, so each answer leaves from the address that was asked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "addr.h"
#include "dns.h"
#include "netns.h"
#include "verdict.h"

#define MAX_LISTEN	8
#define BATCH		64
#define RCVBUF		(4 << 20)

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

struct counts {
	unsigned long long answered, malformed, send_failed;
};

static void usage(FILE *f)
{
	fputs("Usage: udp-race-respond [-n NETNS] -l ADDR:PORT [-l ADDR:PORT ...]\n"
	      "Answers DNS A/AAAA queries until SIGTERM or SIGINT, then prints\n"
	      "its counts on stderr. -n: in that network namespace (a name under\n"
	      "/run/netns or a path).\n", f);
}

static int open_listener(const char *spec)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd, one = 1, sz = RCVBUF;

	if (addr_parse(spec, true, &ss, &len)) {
		fprintf(stderr, "udp-race-respond: bad address '%s'\n", spec);
		return -1;
	}
	fd = socket(ss.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len) < 0)
		goto fail;
	return fd;
fail:
	fprintf(stderr, "udp-race-respond: %s: %s\n", spec, strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Answers everything queued on @fd. */
static void serve(int fd, struct counts *c)
{
	static uint8_t in[BATCH][DNS_MSG_MAX], out[BATCH][DNS_MSG_MAX];
	struct sockaddr_storage peer[BATCH];
	struct mmsghdr rx[BATCH], tx[BATCH];
	struct iovec riov[BATCH], tiov[BATCH];
	int n, i, m;

	for (;;) {
		memset(rx, 0, sizeof(rx));
		for (i = 0; i < BATCH; i++) {
			riov[i].iov_base = in[i];
			riov[i].iov_len = sizeof(in[i]);
			rx[i].msg_hdr.msg_iov = &riov[i];
			rx[i].msg_hdr.msg_iovlen = 1;
			rx[i].msg_hdr.msg_name = &peer[i];
			rx[i].msg_hdr.msg_namelen = sizeof(peer[i]);
		}
		n = recvmmsg(fd, rx, BATCH, MSG_DONTWAIT, NULL);
		if (n <= 0)
			return;
		memset(tx, 0, sizeof(tx));
		for (i = 0, m = 0; i < n; i++) {
			int len = dns_build_response(in[i], rx[i].msg_len, out[m],
						     sizeof(out[m]));

			if (len < 0) {
				c->malformed++;
				continue;
			}
			tiov[m].iov_base = out[m];
			tiov[m].iov_len = len;
			tx[m].msg_hdr.msg_iov = &tiov[m];
			tx[m].msg_hdr.msg_iovlen = 1;
			tx[m].msg_hdr.msg_name = &peer[i];
			tx[m].msg_hdr.msg_namelen = rx[i].msg_hdr.msg_namelen;
			m++;
		}
		for (i = 0; i < m;) {
			int sent = sendmmsg(fd, tx + i, m - i, 0);

			if (sent <= 0) {
				/* skip the datagram that failed and go on */
				c->send_failed++;
				i++;
				continue;
			}
			c->answered += sent;
			i += sent;
		}
	}
}

int main(int argc, char **argv)
{
	struct pollfd pfd[MAX_LISTEN];
	struct sigaction sa;
	struct counts c = { 0 };
	const char *spec[MAX_LISTEN], *netns = NULL;
	int nspecs = 0, nfds = 0, opt, i, ret = 0;

	while ((opt = getopt(argc, argv, "hl:n:")) != -1) {
		switch (opt) {
		case 'l':
			if (nspecs == MAX_LISTEN) {
				fprintf(stderr, "udp-race-respond: at most %d addresses\n",
					MAX_LISTEN);
				return URT_EXIT_ERROR;
			}
			spec[nspecs++] = optarg;
			break;
		case 'n':
			netns = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return URT_EXIT_ERROR;
		}
	}
	if (!nspecs || optind < argc) {
		usage(stderr);
		return URT_EXIT_ERROR;
	}
	if (netns && netns_switch(netns) < 0) {
		fprintf(stderr, "udp-race-respond: netns %s: %s\n", netns,
			strerror(errno));
		return URT_EXIT_ERROR;
	}
	for (; nfds < nspecs; nfds++) {
		pfd[nfds].fd = open_listener(spec[nfds]);
		pfd[nfds].events = POLLIN;
		if (pfd[nfds].fd < 0) {
			ret = 2;
			goto out;
		}
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: poll() returns EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	while (!stop_requested) {
		int n = poll(pfd, nfds, 1000);

		if (n < 0 && errno != EINTR) {
			perror("udp-race-respond: poll");
			ret = 1;
			break;
		}
		for (i = 0; n > 0 && i < nfds; i++)
			if (pfd[i].revents & POLLIN)
				serve(pfd[i].fd, &c);
	}
	fprintf(stderr, "udp-race-respond: answered=%llu malformed=%llu send_failed=%llu\n",
		c.answered, c.malformed, c.send_failed);
out:
	for (i = 0; i < nfds; i++)
		close(pfd[i].fd);
	return ret;
}
