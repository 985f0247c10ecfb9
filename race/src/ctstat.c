// SPDX-License-Identifier: GPL-2.0
/* Conntrack statistics parsers: procfs table and ctnetlink messages. */
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>

#include "ctnl_attrs.h"
#include "ctstat.h"

static const char * const ct_names[CT_NR] = {
	[CT_FOUND] = "found",
	[CT_INVALID] = "invalid",
	[CT_IGNORE] = "ignore",
	[CT_INSERT] = "insert",
	[CT_INSERT_FAILED] = "insert_failed",
	[CT_DROP] = "drop",
	[CT_EARLY_DROP] = "early_drop",
	[CT_ERROR] = "error",
	[CT_SEARCH_RESTART] = "search_restart",
	[CT_CLASH_RESOLVE] = "clash_resolve",
	[CT_CHAIN_TOOLONG] = "chaintoolong",
};

/* procfs column names that differ from the ctnetlink/conntrack -S ones */
static const struct {
	const char *proc;
	enum ct_counter c;
} proc_aliases[] = {
	{ "icmp_error", CT_ERROR },
	{ "clashres", CT_CLASH_RESOLVE },	/* 6.x, in the old "searched" slot */
	{ "chainlength", CT_CHAIN_TOOLONG },	/* 6.x, old "delete_list" slot */
};

/* ctnetlink attribute -> counter */
static const struct {
	unsigned short attr;
	enum ct_counter c;
} nl_attrs[] = {
	{ CTA_STATS_FOUND, CT_FOUND },
	{ CTA_STATS_INVALID, CT_INVALID },
	{ CTA_STATS_IGNORE, CT_IGNORE },
	{ CTA_STATS_INSERT, CT_INSERT },
	{ CTA_STATS_INSERT_FAILED, CT_INSERT_FAILED },
	{ CTA_STATS_DROP, CT_DROP },
	{ CTA_STATS_EARLY_DROP, CT_EARLY_DROP },
	{ CTA_STATS_ERROR, CT_ERROR },
	{ CTA_STATS_SEARCH_RESTART, CT_SEARCH_RESTART },
	{ URT_CTA_STATS_CLASH_RESOLVE, CT_CLASH_RESOLVE },
	{ URT_CTA_STATS_CHAIN_TOOLONG, CT_CHAIN_TOOLONG },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

const char *ct_counter_name(enum ct_counter c)
{
	return c < CT_NR ? ct_names[c] : "?";
}

bool ct_has(const struct ct_counters *c, enum ct_counter which)
{
	return c->present & (1u << which);
}

static void ct_set(struct ct_counters *c, enum ct_counter which, uint64_t v)
{
	c->val[which] = v;
	c->present |= 1u << which;
}

void ct_snapshot_sum(struct ct_snapshot *s)
{
	unsigned int i, k;

	memset(&s->sum, 0, sizeof(s->sum));
	for (i = 0; i < s->ncpus; i++) {
		for (k = 0; k < CT_NR; k++) {
			if (!ct_has(&s->cpu[i], k))
				continue;
			s->sum.val[k] += s->cpu[i].val[k];
			s->sum.present |= 1u << k;
		}
	}
}

/* Column name -> counter, or -1 for columns the race test ignores. */
static int proc_column(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(proc_aliases); i++)
		if (strlen(proc_aliases[i].proc) == len &&
		    !strncmp(proc_aliases[i].proc, name, len))
			return proc_aliases[i].c;
	for (i = 0; i < CT_NR; i++)
		if (strlen(ct_names[i]) == len && !strncmp(ct_names[i], name, len))
			return (int)i;
	return -1;
}

#define PROC_MAX_COLS 32

int ct_parse_proc(const char *text, struct ct_snapshot *s)
{
	int cols[PROC_MAX_COLS];
	unsigned int ncols = 0, col;
	bool known = false;
	const char *p = text;

	memset(s, 0, sizeof(*s));
	/* header line */
	while (*p && *p != '\n') {
		size_t len;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\n' || !*p)
			break;
		len = strcspn(p, " \t\n");
		if (ncols == PROC_MAX_COLS)
			return -1;
		cols[ncols] = proc_column(p, len);
		if (ncols == 0 && !(len == 7 && !strncmp(p, "entries", 7)))
			return -1;
		if (cols[ncols] >= 0)
			known = true;
		ncols++;
		p += len;
	}
	if (!known || *p != '\n')
		return -1;
	p++;
	/* one line of hex values per possible CPU */
	while (*p) {
		struct ct_counters *row;

		if (*p == '\n') {
			p++;
			continue;
		}
		if (s->ncpus == CT_MAX_CPUS)
			return -1;
		row = &s->cpu[s->ncpus];
		for (col = 0; col < ncols; col++) {
			char *endp;
			unsigned long long v;

			while (*p == ' ' || *p == '\t')
				p++;
			v = strtoull(p, &endp, 16);
			if (endp == p)
				return -1;
			p = endp;
			if (cols[col] >= 0)
				ct_set(row, cols[col], v);
		}
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p && *p != '\n')
			return -1;
		s->ncpus++;
	}
	if (s->ncpus == 0)
		return -1;
	ct_snapshot_sum(s);
	return 0;
}

int ct_parse_nlmsg(const struct nlmsghdr *nlh, struct ct_snapshot *s)
{
	const struct nlattr *a;
	struct ct_counters *row;
	size_t off, len;

	/* nfgenmsg.res_id names the CPU; rows keep the dump's order. */
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct nfgenmsg)))
		return -1;
	if (s->ncpus == CT_MAX_CPUS)
		return -1;
	row = &s->cpu[s->ncpus];
	memset(row, 0, sizeof(*row));
	len = nlh->nlmsg_len;
	off = NLMSG_LENGTH(NLMSG_ALIGN(sizeof(struct nfgenmsg)));
	while (off + NLA_HDRLEN <= len) {
		size_t i;
		uint32_t be;

		a = (const struct nlattr *)((const char *)nlh + off);
		if (a->nla_len < NLA_HDRLEN || off + a->nla_len > len)
			return -1;
		for (i = 0; i < ARRAY_SIZE(nl_attrs); i++) {
			if ((a->nla_type & NLA_TYPE_MASK) != nl_attrs[i].attr)
				continue;
			if (a->nla_len != NLA_HDRLEN + sizeof(be))
				return -1;
			memcpy(&be, (const char *)a + NLA_HDRLEN, sizeof(be));
			ct_set(row, nl_attrs[i].c, ntohl(be));
		}
		off += NLA_ALIGN(a->nla_len);
	}
	s->ncpus++;
	ct_snapshot_sum(s);
	return 0;
}

static bool both_have(const struct ct_snapshot *b, const struct ct_snapshot *a,
		      enum ct_counter c)
{
	return ct_has(&b->sum, c) && ct_has(&a->sum, c);
}

static uint64_t diff(const struct ct_snapshot *b, const struct ct_snapshot *a,
		     enum ct_counter c)
{
	uint64_t total = 0;
	unsigned int i;

	for (i = 0; i < a->ncpus; i++)
		total += (uint32_t)(a->cpu[i].val[c] - b->cpu[i].val[c]);
	return total;
}

void ct_delta(const struct ct_snapshot *before, const struct ct_snapshot *after,
	      struct ct_delta *d)
{
	memset(d, 0, sizeof(*d));
	d->ok = before->ncpus == after->ncpus &&
		both_have(before, after, CT_INSERT_FAILED) &&
		both_have(before, after, CT_DROP);
	if (!d->ok)
		return;
	d->has_clash_resolve = both_have(before, after, CT_CLASH_RESOLVE);
	d->drops = diff(before, after, CT_DROP);
	d->insert_failed = diff(before, after, CT_INSERT_FAILED);
	d->clashes = d->insert_failed;
	if (d->has_clash_resolve)
		d->clashes += diff(before, after, CT_CLASH_RESOLVE);
	if (both_have(before, after, CT_FOUND))
		d->found = diff(before, after, CT_FOUND);
	if (both_have(before, after, CT_EARLY_DROP))
		d->early_drop = diff(before, after, CT_EARLY_DROP);
}
