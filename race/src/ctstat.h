/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Conntrack statistics, per CPU and summed, named the same way whatever
 * the source: /proc/net/stat/nf_conntrack (4.15 and 6.x headers differ)
 * or ctnetlink's IPCTNL_MSG_CT_GET_STATS_CPU. A counter a kernel does not
 * have is marked absent, never read as 0.
 */
#ifndef UDP_RACE_CTSTAT_H
#define UDP_RACE_CTSTAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nlmsghdr;

enum ct_counter {
	CT_FOUND,
	CT_INVALID,
	CT_IGNORE,
	CT_INSERT,
	CT_INSERT_FAILED,
	CT_DROP,
	CT_EARLY_DROP,
	CT_ERROR,
	CT_SEARCH_RESTART,
	CT_CLASH_RESOLVE,	/* 5.10+ */
	CT_CHAIN_TOOLONG,	/* 5.15+ */
	CT_NR
};

#define CT_MAX_CPUS	256

struct ct_counters {
	uint64_t val[CT_NR];
	uint32_t present;	/* bit per enum ct_counter */
};

struct ct_snapshot {
	unsigned int ncpus;
	struct ct_counters cpu[CT_MAX_CPUS];
	struct ct_counters sum;
};

const char *ct_counter_name(enum ct_counter c);
bool ct_has(const struct ct_counters *c, enum ct_counter which);

/* Recomputes @s->sum from the per-CPU rows. */
void ct_snapshot_sum(struct ct_snapshot *s);

/*
 * Parses the text of /proc/net/stat/nf_conntrack by header name.
 * Returns 0, or -1 when the text is not such a table.
 */
int ct_parse_proc(const char *text, struct ct_snapshot *s);

/*
 * Adds one IPCTNL_MSG_CT_GET_STATS_CPU message (one CPU) to @s.
 * Returns 0, or -1 when the message is malformed.
 */
int ct_parse_nlmsg(const struct nlmsghdr *nlh, struct ct_snapshot *s);

/*
 * Counters derived for the race verdict from two sums.
 * 4.15: every clash counts in insert_failed, unresolved ones also in drop.
 * 5.10+: resolved clashes count in clash_resolve only; unresolved ones in
 * insert_failed and drop.
 */
struct ct_delta {
	bool ok;		/* insert_failed and drop in both, same CPUs */
	bool has_clash_resolve;
	uint64_t clashes;
	uint64_t insert_failed;
	uint64_t drops;
	uint64_t found;
	uint64_t early_drop;
};

/*
 * Differences are taken per CPU in u32 arithmetic, as the kernel keeps
 * them, so a counter that wrapped between the two reads still counts.
 */
void ct_delta(const struct ct_snapshot *before, const struct ct_snapshot *after,
	      struct ct_delta *d);

#endif
