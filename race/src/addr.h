/* SPDX-License-Identifier: GPL-2.0 */
/* "10.0.0.1:53", "[fd00::1]:53", "10.0.0.1" or "fd00::1" to a sockaddr. */
#ifndef UDP_RACE_ADDR_H
#define UDP_RACE_ADDR_H

#include <stdbool.h>
#include <sys/socket.h>

/* Returns 0, or -1 for a malformed address or a missing required port. */
int addr_parse(const char *s, bool need_port, struct sockaddr_storage *ss,
	       socklen_t *len);

#endif
