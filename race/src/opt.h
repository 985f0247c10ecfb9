/* SPDX-License-Identifier: GPL-2.0 */
/* Strict number parsing for command lines. */
#ifndef UDP_RACE_OPT_H
#define UDP_RACE_OPT_H

#include <stdint.h>

/* Parses a decimal in [min, max] into *out; returns 0 or -1. */
int opt_uint(const char *s, uint64_t min, uint64_t max, uint64_t *out);

#endif
