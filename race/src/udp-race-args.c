// SPDX-License-Identifier: GPL-2.0
/*
 * udp-race's command line, by concern: the senders (what each round
 * sends), the scenario (how long it runs and what decides it) and the
 * output. Each concern has its usage text, its option table and its
 * parser side by side; the tables are joined for getopt_long.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "opt.h"
#include "udp-race-args.h"

/* rounds between counter reads when stopping as soon as decided */
#define DECIDED_BATCH 50

/* What the command line gave, for the checks across options. */
struct given {
	bool dst, rounds, batch;
};

/* Option codes, a range per concern. */
enum {
	O_SENDER = 256,
	O_DST = O_SENDER, O_SRC, O_SPORT_BASE, O_SPORT_COUNT, O_THREADS,
	O_CPUS, O_DELAY_MAX, O_REPLY_TIMEOUT, O_QNAME, O_SEED,
	O_SCENARIO = 320,
	O_ROUNDS = O_SCENARIO, O_MAX_ROUNDS, O_UNTIL_DECIDED, O_DECIDE_DROPS,
	O_BATCH, O_MAX_SECONDS, O_MIN_CLASHES, O_NETNS, O_CT_NETNS,
	O_CT_SOURCE, O_CALIBRATION, O_WARMUP,
	O_OUTPUT = 384,
	O_NAME = O_OUTPUT, O_JSON, O_CHECK,
};

/* --- senders ------------------------------------------------------------ */

static const char sender_usage[] =
	"Senders:\n"
	"  --dst ADDR:PORT        where the queries go, e.g. a service address\n"
	"  --src ADDR             address to bind (default any)\n"
	"  --sport-base N         first source port of the cycle (default 20000)\n"
	"  --sport-count N        ports in the cycle (default 40000)\n"
	"  --threads N            sender threads, pinned one per CPU (default 2)\n"
	"  --cpus LIST            CPUs for the senders, e.g. 0,1 (default: first allowed)\n"
	"  --delay-max N          sender 1 waits 0..N pause loops per round (default 0)\n"
	"  --reply-timeout-ms N   how long a reply may take (default 500)\n"
	"  --qname NAME           name looked up (default kubernetes.default.svc.cluster.local)\n"
	"  --seed N               seed of the delay sweep (default 1)\n";

static const struct option sender_opts[] = {
	{ "dst", required_argument, NULL, O_DST },
	{ "src", required_argument, NULL, O_SRC },
	{ "sport-base", required_argument, NULL, O_SPORT_BASE },
	{ "sport-count", required_argument, NULL, O_SPORT_COUNT },
	{ "threads", required_argument, NULL, O_THREADS },
	{ "cpus", required_argument, NULL, O_CPUS },
	{ "delay-max", required_argument, NULL, O_DELAY_MAX },
	{ "reply-timeout-ms", required_argument, NULL, O_REPLY_TIMEOUT },
	{ "qname", required_argument, NULL, O_QNAME },
	{ "seed", required_argument, NULL, O_SEED },
};

static void sender_defaults(struct race_cfg *cfg)
{
	int k;

	cfg->sport_base = 20000;
	cfg->sport_count = 40000;
	cfg->nthreads = 2;
	cfg->reply_timeout_ms = 500;
	cfg->ring_size = 4096;
	cfg->qname = "kubernetes.default.svc.cluster.local";
	cfg->seed = 1;
	for (k = 0; k < RACE_MAX_THREADS; k++)
		cfg->cpus[k] = -1;
}

static int parse_cpus(const char *s, struct race_cfg *cfg)
{
	unsigned int k = 0;
	char *copy = strdup(s), *tok, *save = NULL;
	int ret = 0;

	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		uint64_t v;

		if (k == RACE_MAX_THREADS || opt_uint(tok, 0, 1023, &v)) {
			ret = -1;
			break;
		}
		cfg->cpus[k++] = (int)v;
	}
	free(copy);
	return ret;
}

/* Returns NULL, or what is wrong with the option. */
static const char *sender_opt(int c, const char *arg, struct race_cfg *cfg,
			      struct given *given)
{
	uint64_t v;

	switch (c) {
	case O_DST:
		given->dst = true;
		if (addr_parse(arg, true, &cfg->dst, &cfg->dstlen))
			return "--dst wants ADDR:PORT or [ADDR6]:PORT";
		return NULL;
	case O_SRC:
		if (addr_parse(arg, false, &cfg->src, &cfg->srclen))
			return "--src wants an IPv4 or IPv6 address";
		return NULL;
	case O_SPORT_BASE:
		if (opt_uint(arg, 1024, 65535, &v))
			return "--sport-base wants 1024..65535";
		cfg->sport_base = (uint16_t)v;
		return NULL;
	case O_SPORT_COUNT:
		if (opt_uint(arg, 1, 64511, &v))
			return "--sport-count wants 1..64511";
		cfg->sport_count = (uint16_t)v;
		return NULL;
	case O_THREADS:
		if (opt_uint(arg, 1, RACE_MAX_THREADS, &v))
			return "--threads wants 1..8";
		cfg->nthreads = (unsigned int)v;
		return NULL;
	case O_CPUS:
		if (parse_cpus(arg, cfg))
			return "--cpus wants a comma-separated list of CPU numbers";
		return NULL;
	case O_DELAY_MAX:
		if (opt_uint(arg, 0, 100000, &v))
			return "--delay-max wants 0..100000";
		cfg->delay_max = (unsigned int)v;
		return NULL;
	case O_REPLY_TIMEOUT:
		if (opt_uint(arg, 1, 60000, &v))
			return "--reply-timeout-ms wants 1..60000";
		cfg->reply_timeout_ms = (unsigned int)v;
		return NULL;
	case O_QNAME:
		cfg->qname = arg;
		return NULL;
	case O_SEED:
		if (opt_uint(arg, 1, UINT32_MAX, &v))
			return "--seed wants 1..4294967295";
		cfg->seed = (uint32_t)v;
		return NULL;
	}
	return "unknown option";
}

/* The checks across sender options; NULL or what is wrong. */
static const char *sender_check(struct race_cfg *cfg, const struct given *given)
{
	if (!given->dst)
		return "--dst is required";
	if (cfg->srclen && cfg->src.ss_family != cfg->dst.ss_family)
		return "--src and --dst are of different families";
	if (!cfg->srclen) {
		cfg->src.ss_family = cfg->dst.ss_family;
		cfg->srclen = cfg->dstlen;
	}
	if ((uint32_t)cfg->sport_base + cfg->sport_count > 65536)
		return "--sport-base + --sport-count exceeds 65536";
	return NULL;
}

/* --- scenario ----------------------------------------------------------- */

static const char scenario_usage[] =
	"Scenario:\n"
	"  --rounds N             rounds at least (default 2000); with --until-decided\n"
	"                         the most rounds (default 20000)\n"
	"  --max-rounds N         rounds at most while clashes are short (default 20000,\n"
	"                         never more than --sport-count)\n"
	"  --until-decided        stop as soon as the verdict is decided: --min-clashes\n"
	"                         clashes, or --decide-drops conntrack drops\n"
	"  --decide-drops N       drops that decide with --until-decided (default 10)\n"
	"  --batch N              rounds between counter reads (default 500; 50 with\n"
	"                         --until-decided)\n"
	"  --max-seconds N        start no batch after N seconds (default 60)\n"
	"  --min-clashes N        clashes needed to call a kernel FIXED (default 300)\n"
	"  --netns NAME|PATH      run in that netns (default: the caller's)\n"
	"  --ct-netns NAME|PATH   netns whose conntrack counters count (default own)\n"
	"  --ct-source KIND       auto, netlink or proc (default auto)\n"
	"  --calibration          no NAT here: any loss means a broken setup\n"
	"  --warmup N             answered queries needed before racing (default 8)\n";

static const struct option scenario_opts[] = {
	{ "rounds", required_argument, NULL, O_ROUNDS },
	{ "max-rounds", required_argument, NULL, O_MAX_ROUNDS },
	{ "until-decided", no_argument, NULL, O_UNTIL_DECIDED },
	{ "decide-drops", required_argument, NULL, O_DECIDE_DROPS },
	{ "batch", required_argument, NULL, O_BATCH },
	{ "max-seconds", required_argument, NULL, O_MAX_SECONDS },
	{ "min-clashes", required_argument, NULL, O_MIN_CLASHES },
	{ "netns", required_argument, NULL, O_NETNS },
	{ "ct-netns", required_argument, NULL, O_CT_NETNS },
	{ "ct-source", required_argument, NULL, O_CT_SOURCE },
	{ "calibration", no_argument, NULL, O_CALIBRATION },
	{ "warmup", required_argument, NULL, O_WARMUP },
};

static void scenario_defaults(struct run_opts *o)
{
	o->rounds = 2000;
	o->max_rounds = 20000;
	o->batch = 500;
	o->max_seconds = 60;
	o->min_clashes = 300;
	o->warmup = 8;
	o->decide_drops = 10;
}

static const char *scenario_opt(int c, const char *arg, struct run_opts *o,
				struct given *given)
{
	switch (c) {
	case O_ROUNDS:
		given->rounds = true;
		if (opt_uint(arg, 1, 10000000, &o->rounds))
			return "--rounds wants 1..10000000";
		return NULL;
	case O_MAX_ROUNDS:
		if (opt_uint(arg, 1, 10000000, &o->max_rounds))
			return "--max-rounds wants 1..10000000";
		return NULL;
	case O_UNTIL_DECIDED:
		o->until_decided = true;
		return NULL;
	case O_DECIDE_DROPS:
		if (opt_uint(arg, 1, 1000000, &o->decide_drops))
			return "--decide-drops wants 1..1000000";
		return NULL;
	case O_BATCH:
		given->batch = true;
		if (opt_uint(arg, 1, 1000000, &o->batch))
			return "--batch wants 1..1000000";
		return NULL;
	case O_MAX_SECONDS:
		if (opt_uint(arg, 1, 86400, &o->max_seconds))
			return "--max-seconds wants 1..86400";
		return NULL;
	case O_MIN_CLASHES:
		if (opt_uint(arg, 1, 10000000, &o->min_clashes))
			return "--min-clashes wants 1..10000000";
		return NULL;
	case O_NETNS:
		o->netns = arg;
		return NULL;
	case O_CT_NETNS:
		o->ct_netns = arg;
		return NULL;
	case O_CT_SOURCE:
		if (!strcmp(arg, "auto"))
			o->ct_kind = CT_SRC_AUTO;
		else if (!strcmp(arg, "netlink"))
			o->ct_kind = CT_SRC_NETLINK;
		else if (!strcmp(arg, "proc"))
			o->ct_kind = CT_SRC_PROC;
		else
			return "--ct-source wants auto, netlink or proc";
		return NULL;
	case O_CALIBRATION:
		o->calibration = true;
		return NULL;
	case O_WARMUP:
		if (opt_uint(arg, 0, 1000, &o->warmup))
			return "--warmup wants 0..1000";
		return NULL;
	}
	return "unknown option";
}

/*
 * The rounds against the source ports: a port used twice meets its first
 * round's conntrack entry, which lives for minutes, so that round cannot
 * race any more. Returns -1 with a message printed.
 */
static int scenario_check(struct run_opts *o, const struct given *given)
{
	if (o->until_decided) {
		/* --rounds caps the run; counters are read often */
		if (!given->rounds)
			o->rounds = o->max_rounds < o->cfg.sport_count ?
				    o->max_rounds : o->cfg.sport_count;
		o->max_rounds = o->rounds;
		if (!given->batch)
			o->batch = DECIDED_BATCH;
	}
	if (o->rounds > o->cfg.sport_count) {
		fprintf(stderr, "udp-race: --rounds %llu exceeds --sport-count %u: a reused source port cannot race\n",
			(unsigned long long)o->rounds, o->cfg.sport_count);
		return -1;
	}
	if (o->max_rounds > o->cfg.sport_count)
		o->max_rounds = o->cfg.sport_count;
	if (o->max_rounds < o->rounds)
		o->max_rounds = o->rounds;
	return 0;
}

/* --- output ------------------------------------------------------------- */

static const char output_usage[] =
	"Output:\n"
	"  --name NAME            scenario name in the output (default race)\n"
	"  --json FILE            also write the result as a JSON object\n"
	"  --check                check the command line and exit 0, sending nothing\n";

static const struct option output_opts[] = {
	{ "name", required_argument, NULL, O_NAME },
	{ "json", required_argument, NULL, O_JSON },
	{ "check", no_argument, NULL, O_CHECK },
};

static const char *output_opt(int c, const char *arg, struct run_opts *o)
{
	switch (c) {
	case O_NAME:
		o->name = arg;
		return NULL;
	case O_JSON:
		o->json_path = arg;
		return NULL;
	case O_CHECK:
		o->check_only = true;
		return NULL;
	}
	return "unknown option";
}

/* --- the command line --------------------------------------------------- */

#define N_OPTS(t) (sizeof(t) / sizeof((t)[0]))
#define ALL_OPTS (N_OPTS(sender_opts) + N_OPTS(scenario_opts) + \
		  N_OPTS(output_opts) + 2)

static void usage(FILE *f)
{
	fprintf(f, "Usage: udp-race --dst ADDR:PORT [options]\n"
		"Races two DNS queries from one fresh UDP socket per round and reports\n"
		"whether conntrack dropped the clashing one.\n\n%s\n%s\n%s\n"
		"Exit: 0 FIXED, 1 AFFECTED, 2 ERROR or usage, 77 INCONCLUSIVE.\n",
		sender_usage, scenario_usage, output_usage);
}

/* The three tables, --help and the terminator, as getopt_long wants. */
static void join_opts(struct option *all)
{
	size_t n = 0;

	memcpy(all + n, sender_opts, sizeof(sender_opts));
	n += N_OPTS(sender_opts);
	memcpy(all + n, scenario_opts, sizeof(scenario_opts));
	n += N_OPTS(scenario_opts);
	memcpy(all + n, output_opts, sizeof(output_opts));
	n += N_OPTS(output_opts);
	all[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	all[n] = (struct option){ NULL, 0, NULL, 0 };
}

/* One option to the parser of its concern; NULL or what is wrong. */
static const char *one_opt(int c, const char *arg, struct run_opts *o,
			   struct given *given)
{
	if (c >= O_OUTPUT)
		return output_opt(c, arg, o);
	if (c >= O_SCENARIO)
		return scenario_opt(c, arg, o, given);
	if (c >= O_SENDER)
		return sender_opt(c, arg, &o->cfg, given);
	return "unknown option";
}

int run_opts_parse(int argc, char **argv, struct run_opts *o)
{
	struct option all[ALL_OPTS];
	struct given given = { 0 };
	const char *bad;
	int c;

	memset(o, 0, sizeof(*o));
	o->name = "race";
	scenario_defaults(o);
	sender_defaults(&o->cfg);
	join_opts(all);

	while ((c = getopt_long(argc, argv, "h", all, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 1;
		}
		bad = one_opt(c, optarg, o, &given);
		if (bad) {
			fprintf(stderr, "udp-race: %s\n", bad);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "udp-race: unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	bad = sender_check(&o->cfg, &given);
	if (bad) {
		fprintf(stderr, "udp-race: %s\n", bad);
		return -1;
	}
	return scenario_check(o, &given);
}
