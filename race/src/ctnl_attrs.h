/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctnetlink's per-CPU statistics attributes newer than some UAPI headers the
 * race test is built against. Bionic's linux-libc-dev (4.15) ends the enum at
 * CTA_STATS_SEARCH_RESTART; later kernels appended CTA_STATS_CLASH_RESOLVE
 * and CTA_STATS_CHAIN_TOOLONG (5.15 has both). Netlink attribute numbers are
 * ABI, so they follow in that order; where the headers have the names, the
 * numbers are checked against them at compile time.
 */
#ifndef UDP_RACE_CTNL_ATTRS_H
#define UDP_RACE_CTNL_ATTRS_H

#include <linux/version.h>
#include <linux/netfilter/nfnetlink_conntrack.h>

enum {
	URT_CTA_STATS_CLASH_RESOLVE = CTA_STATS_SEARCH_RESTART + 1,
	URT_CTA_STATS_CHAIN_TOOLONG,
};

#if defined(LINUX_VERSION_CODE) && LINUX_VERSION_CODE >= KERNEL_VERSION(5, 15, 0)
_Static_assert((int)URT_CTA_STATS_CLASH_RESOLVE == (int)CTA_STATS_CLASH_RESOLVE,
	       "CTA_STATS_CLASH_RESOLVE moved");
_Static_assert((int)URT_CTA_STATS_CHAIN_TOOLONG == (int)CTA_STATS_CHAIN_TOOLONG,
	       "CTA_STATS_CHAIN_TOOLONG moved");
#endif

#endif /* UDP_RACE_CTNL_ATTRS_H */
