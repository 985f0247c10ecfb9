/* SPDX-License-Identifier: GPL-2.0 */
/* Running a piece of code in another network namespace, then coming back. */
#ifndef UDP_RACE_NETNS_H
#define UDP_RACE_NETNS_H

/*
 * Switches the calling thread into @name: a path (contains '/') or a name
 * under /run/netns as `ip netns add` makes them. Returns a handle on the
 * original netns for netns_leave(), or -1 with errno set.
 */
int netns_enter(const char *name);
/* Returns to the netns saved by netns_enter() and closes the handle. */
int netns_leave(int saved);
/* Moves the calling thread into @name for good: 0, or -1 with errno set. */
int netns_switch(const char *name);

#endif
