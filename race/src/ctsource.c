// SPDX-License-Identifier: GPL-2.0
/* Reading conntrack statistics over ctnetlink or procfs. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>

#include "ctsource.h"
#include "netns.h"

#define PROC_STAT	"/proc/self/net/stat/nf_conntrack"
#define NL_BUFSZ	(64 * 1024)
#define PROC_BUFSZ	(256 * 1024)

static int nl_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

static int nl_read(struct ct_source *src, struct ct_snapshot *s)
{
	struct {
		struct nlmsghdr nlh;
		struct nfgenmsg nfg;
	} req = {
		.nlh = {
			.nlmsg_len = NLMSG_LENGTH(sizeof(struct nfgenmsg)),
			.nlmsg_type = (NFNL_SUBSYS_CTNETLINK << 8) |
				      IPCTNL_MSG_CT_GET_STATS_CPU,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
			.nlmsg_seq = ++src->seq,
		},
		.nfg = { .nfgen_family = AF_UNSPEC, .version = NFNETLINK_V0 },
	};
	char *buf;
	int ret = 0;

	memset(s, 0, sizeof(*s));
	if (send(src->fd, &req, req.nlh.nlmsg_len, 0) < 0)
		return -errno;
	buf = malloc(NL_BUFSZ);
	if (!buf)
		return -ENOMEM;
	for (;;) {
		ssize_t n = recv(src->fd, buf, NL_BUFSZ, 0);
		struct nlmsghdr *nlh;

		if (n < 0) {
			ret = -errno;
			break;
		}
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, (size_t)n);
		     nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != src->seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_DONE)
				goto out;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(nlh);

				ret = e->error ? e->error : -EPROTO;
				goto out;
			}
			if (ct_parse_nlmsg(nlh, s) < 0) {
				ret = -EPROTO;
				goto out;
			}
		}
	}
out:
	free(buf);
	if (!ret && s->ncpus == 0)
		ret = -ENODATA;
	return ret;
}

static int proc_read(struct ct_source *src, struct ct_snapshot *s)
{
	char *buf = malloc(PROC_BUFSZ);
	size_t len = 0;
	int ret = 0;

	if (!buf)
		return -ENOMEM;
	if (lseek(src->fd, 0, SEEK_SET) < 0) {
		ret = -errno;
		goto out;
	}
	for (;;) {
		ssize_t n = read(src->fd, buf + len, PROC_BUFSZ - 1 - len);

		if (n < 0) {
			ret = -errno;
			goto out;
		}
		if (n == 0)
			break;
		len += n;
		if (len == PROC_BUFSZ - 1) {
			ret = -EFBIG;
			goto out;
		}
	}
	buf[len] = '\0';
	if (ct_parse_proc(buf, s) < 0)
		ret = -EPROTO;
out:
	free(buf);
	return ret;
}

static int open_here(struct ct_source *src, enum ct_source_kind want)
{
	struct ct_snapshot *probe;
	int ret = -ENOENT;

	probe = malloc(sizeof(*probe));
	if (!probe)
		return -ENOMEM;
	if (want == CT_SRC_AUTO || want == CT_SRC_NETLINK) {
		src->kind = CT_SRC_NETLINK;
		src->fd = nl_open();
		ret = src->fd;
		if (src->fd >= 0) {
			ret = nl_read(src, probe);
			if (ret == 0)
				goto out;
			close(src->fd);
			src->fd = -1;
		}
		if (want == CT_SRC_NETLINK)
			goto out;
	}
	src->kind = CT_SRC_PROC;
	src->fd = open(PROC_STAT, O_RDONLY | O_CLOEXEC);
	ret = src->fd < 0 ? -errno : proc_read(src, probe);
	if (ret < 0 && src->fd >= 0) {
		close(src->fd);
		src->fd = -1;
	}
out:
	free(probe);
	return ret < 0 ? ret : 0;
}

int ct_source_open(struct ct_source *src, enum ct_source_kind want,
		   const char *netns)
{
	int saved = -1, ret;

	memset(src, 0, sizeof(*src));
	src->fd = -1;
	if (netns) {
		saved = netns_enter(netns);
		if (saved < 0)
			return -errno;
	}
	ret = open_here(src, want);
	if (saved >= 0 && netns_leave(saved) < 0) {
		ret = -errno;
		ct_source_close(src);
	}
	return ret;
}

int ct_source_read(struct ct_source *src, struct ct_snapshot *s)
{
	if (src->fd < 0)
		return -EBADF;
	return src->kind == CT_SRC_NETLINK ? nl_read(src, s) : proc_read(src, s);
}

void ct_source_close(struct ct_source *src)
{
	if (src->fd >= 0)
		close(src->fd);
	src->fd = -1;
}

const char *ct_source_name(const struct ct_source *src)
{
	return src->kind == CT_SRC_NETLINK ? "ctnetlink" : "procfs";
}
