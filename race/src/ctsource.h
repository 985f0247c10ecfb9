/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where conntrack statistics come from: ctnetlink (works without
 * CONFIG_NF_CONNTRACK_PROCFS, which stock Ubuntu 4.15 leaves unset) or
 * /proc/net/stat/nf_conntrack. The source is opened inside the netns that
 * does the NAT and stays bound to it.
 */
#ifndef UDP_RACE_CTSOURCE_H
#define UDP_RACE_CTSOURCE_H

#include "ctstat.h"

enum ct_source_kind {
	CT_SRC_AUTO,		/* ctnetlink, else procfs */
	CT_SRC_NETLINK,
	CT_SRC_PROC,
};

struct ct_source {
	enum ct_source_kind kind;
	int fd;
	unsigned int seq;
};

/* @netns may be NULL for the caller's own netns. Returns 0 or -errno. */
int ct_source_open(struct ct_source *src, enum ct_source_kind want,
		   const char *netns);
int ct_source_read(struct ct_source *src, struct ct_snapshot *s);
void ct_source_close(struct ct_source *src);
const char *ct_source_name(const struct ct_source *src);

#endif
