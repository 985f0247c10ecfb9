// SPDX-License-Identifier: GPL-2.0
/*
 * Counter parsers: the 4.15 and 6.x procfs headers, ctnetlink messages as
 * both kernels send them, and the clash/drop arithmetic on top.
 */
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>

#include "check.h"
#include "ctnl_attrs.h"
#include "ctstat.h"

static char *slurp(const char *name)
{
	char path[256];
	FILE *f;
	char *buf = calloc(1, 8192);
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES, name);
	f = fopen(path, "r");
	if (!f || !buf) {
		perror(path);
		exit(2);
	}
	n = fread(buf, 1, 8191, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_proc_415(struct check *c)
{
	struct ct_snapshot *s = calloc(1, sizeof(*s));
	char *text = slurp("proc-4.15.txt");

	CHECK_EQ(c, ct_parse_proc(text, s), 0);
	CHECK_EQ(c, s->ncpus, 2);
	CHECK_EQ(c, s->cpu[0].val[CT_INSERT_FAILED], 0xe9c);
	CHECK_EQ(c, s->cpu[1].val[CT_DROP], 0xf);
	CHECK_EQ(c, s->sum.val[CT_INSERT_FAILED], 0xe9c + 0x10);
	CHECK_EQ(c, s->sum.val[CT_FOUND], 3);
	CHECK_EQ(c, s->sum.val[CT_IGNORE], 15);
	CHECK_EQ(c, s->sum.val[CT_ERROR], 2);		/* icmp_error */
	CHECK_EQ(c, s->sum.val[CT_SEARCH_RESTART], 1);
	CHECK(c, ct_has(&s->sum, CT_DROP));
	CHECK(c, !ct_has(&s->sum, CT_CLASH_RESOLVE));	/* 4.15 has none */
	CHECK(c, !ct_has(&s->sum, CT_CHAIN_TOOLONG));
	free(text);
	free(s);
}

static void test_proc_6x(struct check *c)
{
	struct ct_snapshot *s = calloc(1, sizeof(*s));
	char *text = slurp("proc-6.x.txt");

	CHECK_EQ(c, ct_parse_proc(text, s), 0);
	CHECK_EQ(c, s->ncpus, 2);
	CHECK(c, ct_has(&s->sum, CT_CLASH_RESOLVE));	/* "clashres" */
	CHECK_EQ(c, s->sum.val[CT_CLASH_RESOLVE], 0x6f5 + 0xc1);
	CHECK(c, ct_has(&s->sum, CT_CHAIN_TOOLONG));	/* "chainlength" */
	CHECK_EQ(c, s->sum.val[CT_CHAIN_TOOLONG], 1);
	CHECK_EQ(c, s->sum.val[CT_DROP], 2);
	CHECK_EQ(c, s->sum.val[CT_INVALID], 3);
	free(text);
	free(s);
}

static void test_proc_malformed(struct check *c)
{
	static const char * const bad[] = {
		"",
		"entries found drop\n",				/* no CPU rows */
		"found drop\n00000001 00000002\n",		/* not the table */
		"entries searched\n00000000 00000000\n",	/* nothing we know */
		"entries found drop\n00000001 00000002\n",	/* a column short */
		"entries found drop\n00000001 00000002 0000000g\n",
		"entries found drop\n00000001 00000002 00000003 00000004\n",
		"entries found drop",				/* no newline */
	};
	struct ct_snapshot *s = calloc(1, sizeof(*s));
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_EQ(c, ct_parse_proc(bad[i], s) + 100 * i, -1 + 100 * i);
	free(s);
}

/* Builds one GET_STATS_CPU reply the way a kernel does. */
static size_t nl_stats(char *buf, uint16_t cpu, const unsigned short *attrs,
		       const uint32_t *vals, unsigned int n)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct nfgenmsg *nfg;
	size_t off;
	unsigned int i;

	memset(buf, 0, 1024);
	nlh->nlmsg_type = (NFNL_SUBSYS_CTNETLINK << 8) | IPCTNL_MSG_CT_GET_STATS_CPU;
	nfg = NLMSG_DATA(nlh);
	nfg->nfgen_family = AF_UNSPEC;
	nfg->res_id = htons(cpu);
	off = NLMSG_LENGTH(NLMSG_ALIGN(sizeof(*nfg)));
	for (i = 0; i < n; i++) {
		struct nlattr *a = (struct nlattr *)(buf + off);
		uint32_t be = htonl(vals[i]);

		a->nla_type = attrs[i];
		a->nla_len = NLA_HDRLEN + 4;
		memcpy(buf + off + NLA_HDRLEN, &be, 4);
		off += NLA_ALIGN(a->nla_len);
	}
	nlh->nlmsg_len = off;
	return off;
}

static void test_netlink(struct check *c)
{
	/* what 4.15 sends: no clash_resolve, no chaintoolong */
	static const unsigned short a415[] = {
		CTA_STATS_FOUND, CTA_STATS_INVALID, CTA_STATS_IGNORE,
		CTA_STATS_INSERT, CTA_STATS_INSERT_FAILED, CTA_STATS_DROP,
		CTA_STATS_EARLY_DROP, CTA_STATS_ERROR, CTA_STATS_SEARCH_RESTART,
	};
	static const uint32_t v415[] = { 2, 0, 10, 0, 3764, 3764, 0, 0, 0 };
	static const unsigned short a6[] = {
		CTA_STATS_FOUND, CTA_STATS_INSERT_FAILED, CTA_STATS_DROP,
		URT_CTA_STATS_CLASH_RESOLVE, URT_CTA_STATS_CHAIN_TOOLONG,
	};
	static const uint32_t v6[] = { 0, 0, 0, 3939, 0 };
	struct ct_snapshot *s = calloc(1, sizeof(*s));
	char buf[1024];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct nlattr *first;

	nl_stats(buf, 0, a415, v415, 9);
	CHECK_EQ(c, ct_parse_nlmsg(nlh, s), 0);
	nl_stats(buf, 1, a415, v415, 9);
	CHECK_EQ(c, ct_parse_nlmsg(nlh, s), 0);
	CHECK_EQ(c, s->ncpus, 2);
	CHECK_EQ(c, s->sum.val[CT_INSERT_FAILED], 2 * 3764);
	CHECK_EQ(c, s->sum.val[CT_FOUND], 4);
	CHECK(c, !ct_has(&s->sum, CT_CLASH_RESOLVE));

	memset(s, 0, sizeof(*s));
	nl_stats(buf, 0, a6, v6, 5);
	CHECK_EQ(c, ct_parse_nlmsg(nlh, s), 0);
	CHECK(c, ct_has(&s->sum, CT_CLASH_RESOLVE));
	CHECK_EQ(c, s->sum.val[CT_CLASH_RESOLVE], 3939);
	CHECK(c, !ct_has(&s->sum, CT_IGNORE));

	/* an attribute running past the message */
	memset(s, 0, sizeof(*s));
	nl_stats(buf, 0, a6, v6, 5);
	nlh->nlmsg_len -= 2;
	CHECK_EQ(c, ct_parse_nlmsg(nlh, s), -1);
	/* a counter that is not 32 bits */
	nl_stats(buf, 0, a6, v6, 1);
	first = (struct nlattr *)(buf + NLMSG_LENGTH(NLMSG_ALIGN(sizeof(struct nfgenmsg))));
	first->nla_len = NLA_HDRLEN + 2;
	CHECK_EQ(c, ct_parse_nlmsg(nlh, s), -1);
	/* too short for the nfgenmsg header */
	nlh->nlmsg_len = NLMSG_LENGTH(1);
	CHECK_EQ(c, ct_parse_nlmsg(nlh, s), -1);
	free(s);
}

static void set_row(struct ct_snapshot *s, unsigned int cpu, enum ct_counter k,
		    uint64_t v)
{
	s->cpu[cpu].val[k] = v;
	s->cpu[cpu].present |= 1u << k;
	if (cpu + 1 > s->ncpus)
		s->ncpus = cpu + 1;
	ct_snapshot_sum(s);
}

static void test_delta(struct check *c)
{
	struct ct_snapshot *b = calloc(1, sizeof(*b)), *a = calloc(1, sizeof(*a));
	struct ct_delta d;

	/* 4.15: insert_failed counts every clash, drop the unresolved */
	set_row(b, 0, CT_INSERT_FAILED, 10);
	set_row(b, 0, CT_DROP, 4);
	set_row(b, 1, CT_INSERT_FAILED, 0);
	set_row(b, 1, CT_DROP, 0);
	set_row(b, 0, CT_FOUND, 1);
	set_row(b, 1, CT_FOUND, 0);
	*a = *b;
	set_row(a, 0, CT_INSERT_FAILED, 110);
	set_row(a, 1, CT_INSERT_FAILED, 50);
	set_row(a, 1, CT_DROP, 40);
	set_row(a, 1, CT_FOUND, 7);
	ct_delta(b, a, &d);
	CHECK(c, d.ok);
	CHECK(c, !d.has_clash_resolve);
	CHECK_EQ(c, d.clashes, 150);
	CHECK_EQ(c, d.insert_failed, 150);
	CHECK_EQ(c, d.drops, 40);
	CHECK_EQ(c, d.found, 7);

	/* 6.x: resolved clashes only in clash_resolve */
	set_row(b, 0, CT_CLASH_RESOLVE, 5);
	set_row(b, 1, CT_CLASH_RESOLVE, 0);
	*a = *b;
	set_row(a, 0, CT_CLASH_RESOLVE, 305);
	set_row(a, 1, CT_INSERT_FAILED, 2);
	set_row(a, 1, CT_DROP, 2);
	ct_delta(b, a, &d);
	CHECK(c, d.has_clash_resolve);
	CHECK_EQ(c, d.clashes, 302);
	CHECK_EQ(c, d.drops, 2);

	/* per-CPU u32 counters wrap; the delta must not */
	*a = *b;
	set_row(b, 1, CT_INSERT_FAILED, 0xfffffff0u);
	set_row(a, 1, CT_INSERT_FAILED, 0x10);
	ct_delta(b, a, &d);
	CHECK_EQ(c, d.insert_failed, 0x20);

	/* a missing counter is never 0 */
	memset(a, 0, sizeof(*a));
	set_row(a, 0, CT_INSERT_FAILED, 1);
	set_row(a, 1, CT_INSERT_FAILED, 1);
	ct_delta(b, a, &d);
	CHECK(c, !d.ok);
	/* CPU rows that do not line up */
	*a = *b;
	a->ncpus = 1;
	ct_delta(b, a, &d);
	CHECK(c, !d.ok);
	free(a);
	free(b);
}

static void test_noise(struct check *c)
{
	char *text = slurp("proc-6.x.txt");
	size_t len = strlen(text);
	struct ct_snapshot *s = calloc(1, sizeof(*s));
	unsigned int seed = 99, i, k, ok = 0;
	char *buf = malloc(len + 1);

	for (i = 0; i < 20000; i++) {
		memcpy(buf, text, len + 1);
		for (k = check_rand(&seed) % 3; k > 0; k--)
			buf[check_rand(&seed) % len] = (char)(check_rand(&seed) % 128);
		buf[check_rand(&seed) % (len + 1)] = '\0';
		if (ct_parse_proc(buf, s) == 0)
			ok++;
	}
	CHECK(c, ok > 0);
	CHECK_EQ(c, ct_counter_name(CT_CLASH_RESOLVE)[0], 'c');
	free(buf);
	free(text);
	free(s);
}

int main(void)
{
	struct check c = { .suite = "test_ctstat" };

	test_proc_415(&c);
	test_proc_6x(&c);
	test_proc_malformed(&c);
	test_netlink(&c);
	test_delta(&c);
	test_noise(&c);
	return check_done(&c);
}
