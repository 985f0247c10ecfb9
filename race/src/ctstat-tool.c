// SPDX-License-Identifier: GPL-2.0
/*
 * udp-race-ctstat: prints the conntrack statistics of a netns, per CPU and
 * summed, in `conntrack -S` style, from ctnetlink or procfs.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctsource.h"

static void print_row(const char *label, const struct ct_counters *c)
{
	unsigned int k;

	printf("%s", label);
	for (k = 0; k < CT_NR; k++)
		if (ct_has(c, k))
			printf(" %s=%llu", ct_counter_name(k),
			       (unsigned long long)c->val[k]);
	putchar('\n');
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "netns", required_argument, NULL, 'n' },
		{ "source", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum ct_source_kind kind = CT_SRC_AUTO;
	const char *netns = NULL;
	struct ct_snapshot *s;
	struct ct_source src;
	unsigned int i;
	char label[32];
	int opt, ret;

	while ((opt = getopt_long(argc, argv, "hn:s:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			netns = optarg;
			break;
		case 's':
			if (!strcmp(optarg, "netlink"))
				kind = CT_SRC_NETLINK;
			else if (!strcmp(optarg, "proc"))
				kind = CT_SRC_PROC;
			else if (strcmp(optarg, "auto"))
				goto usage;
			break;
		case 'h':
			puts("Usage: udp-race-ctstat [--netns NAME] [--source auto|netlink|proc]");
			return 0;
		default:
			goto usage;
		}
	}
	if (optind < argc)
		goto usage;
	s = calloc(1, sizeof(*s));
	if (!s)
		return 1;
	ret = ct_source_open(&src, kind, netns);
	if (!ret)
		ret = ct_source_read(&src, s);
	if (ret) {
		fprintf(stderr, "udp-race-ctstat: cannot read conntrack statistics: %s\n",
			strerror(-ret));
		free(s);
		ct_source_close(&src);
		return 1;
	}
	printf("source=%s\n", ct_source_name(&src));
	for (i = 0; i < s->ncpus; i++) {
		snprintf(label, sizeof(label), "cpu=%u", i);
		print_row(label, &s->cpu[i]);
	}
	print_row("sum", &s->sum);
	ct_source_close(&src);
	free(s);
	return 0;
usage:
	fputs("Usage: udp-race-ctstat [--netns NAME] [--source auto|netlink|proc]\n",
	      stderr);
	return 2;
}
