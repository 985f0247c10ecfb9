// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "netns.h"

int netns_enter(const char *name)
{
	char path[PATH_MAX];
	int self, target, err;

	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "/run/netns/%s", name);
	self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (self < 0)
		return -1;
	target = open(path, O_RDONLY | O_CLOEXEC);
	if (target < 0)
		goto fail;
	if (setns(target, CLONE_NEWNET) < 0) {
		close(target);
		goto fail;
	}
	close(target);
	return self;
fail:
	err = errno;
	close(self);
	errno = err;
	return -1;
}

int netns_leave(int saved)
{
	int ret = setns(saved, CLONE_NEWNET);
	int err = errno;

	close(saved);
	errno = err;
	return ret;
}

int netns_switch(const char *name)
{
	int saved = netns_enter(name);

	if (saved < 0)
		return -1;
	close(saved);
	return 0;
}
