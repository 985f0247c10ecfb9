/* SPDX-License-Identifier: GPL-2.0 */
/* udp-race's command line: what one run is asked to do. */
#ifndef UDP_RACE_ARGS_H
#define UDP_RACE_ARGS_H

#include <stdbool.h>
#include <stdint.h>

#include "ctsource.h"
#include "race.h"

struct run_opts {
	/* output */
	const char *name;
	const char *json_path;
	bool check_only;	/* --check: the command line only, no run */
	/* scenario: how long, where the counters are, what decides */
	const char *netns;
	const char *ct_netns;
	enum ct_source_kind ct_kind;
	bool calibration;
	bool until_decided;
	uint64_t rounds, max_rounds, batch, max_seconds, min_clashes, warmup;
	uint64_t decide_drops;
	/* senders: what each round sends, from where, on which CPUs */
	struct race_cfg cfg;
};

/*
 * Fills *o from argv. Returns 0, 1 after printing the usage for --help,
 * or -1 with a message on stderr.
 */
int run_opts_parse(int argc, char **argv, struct run_opts *o);

#endif
