// SPDX-License-Identifier: GPL-2.0
/*
 * udp-race: one scenario of the same-origin UDP conntrack race test.
 * Runs in the client netns, reads the conntrack statistics of the netns
 * that does the NAT, and prints one verdict line (and optionally JSON).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "addr.h"
#include "ctsource.h"
#include "ctstat.h"
#include "json.h"
#include "netns.h"
#include "opt.h"
#include "race.h"
#include "verdict.h"

#define EXIT_USAGE 2
/* rounds between counter reads when stopping as soon as decided */
#define DECIDED_BATCH 50

struct run_opts {
	const char *name;
	const char *netns;
	const char *ct_netns;
	const char *json_path;
	enum ct_source_kind ct_kind;
	bool calibration;
	bool until_decided;
	uint64_t rounds, max_rounds, batch, max_seconds, min_clashes, warmup;
	uint64_t decide_drops;
	struct race_cfg cfg;
};

/* Everything one run observed, for the verdict and the reports. */
struct outcome {
	struct verdict_in in;
	enum verdict verdict;
	const char *why;
	char detail[256];
	struct race_stats st;
	unsigned int bucket_width;
	struct ct_delta d;
	struct ct_snapshot *before, *after;
	const char *source;
	double seconds;
};

static void usage(FILE *f)
{
	fputs("Usage: udp-race --dst ADDR:PORT [options]\n"
	      "Races two DNS queries from one fresh UDP socket per round and reports\n"
	      "whether conntrack dropped the clashing one.\n\n"
	      "  --name NAME            scenario name in the output (default race)\n"
	      "  --dst ADDR:PORT        where the queries go, e.g. a service address\n"
	      "  --src ADDR             address to bind (default any)\n"
	      "  --sport-base N         first source port of the cycle (default 20000)\n"
	      "  --sport-count N        ports in the cycle (default 40000)\n"
	      "  --threads N            sender threads, pinned one per CPU (default 2)\n"
	      "  --cpus LIST            CPUs for the senders, e.g. 0,1 (default: first allowed)\n"
	      "  --delay-max N          sender 1 waits 0..N pause loops per round (default 0)\n"
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
	      "  --reply-timeout-ms N   how long a reply may take (default 500)\n"
	      "  --netns NAME|PATH      run in that netns (default: the caller's)\n"
	      "  --ct-netns NAME|PATH   netns whose conntrack counters count (default own)\n"
	      "  --ct-source KIND       auto, netlink or proc (default auto)\n"
	      "  --calibration          no NAT here: any loss means a broken setup\n"
	      "  --warmup N             answered queries needed before racing (default 8)\n"
	      "  --qname NAME           name looked up (default kubernetes.default.svc.cluster.local)\n"
	      "  --seed N               seed of the delay sweep (default 1)\n"
	      "  --json FILE            also write the result as a JSON object\n\n"
	      "Exit: 0 FIXED, 1 AFFECTED, 2 ERROR or usage, 77 INCONCLUSIVE.\n", f);
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

enum {
	O_NAME = 256, O_DST, O_SRC, O_SPORT_BASE, O_SPORT_COUNT, O_THREADS,
	O_CPUS, O_DELAY_MAX, O_ROUNDS, O_MAX_ROUNDS, O_BATCH, O_MAX_SECONDS,
	O_MIN_CLASHES, O_REPLY_TIMEOUT, O_CT_NETNS, O_CT_SOURCE, O_CALIBRATION,
	O_WARMUP, O_QNAME, O_SEED, O_JSON, O_UNTIL_DECIDED, O_DECIDE_DROPS,
	O_NETNS,
};

static const struct option longopts[] = {
	{ "name", required_argument, NULL, O_NAME },
	{ "dst", required_argument, NULL, O_DST },
	{ "src", required_argument, NULL, O_SRC },
	{ "sport-base", required_argument, NULL, O_SPORT_BASE },
	{ "sport-count", required_argument, NULL, O_SPORT_COUNT },
	{ "threads", required_argument, NULL, O_THREADS },
	{ "cpus", required_argument, NULL, O_CPUS },
	{ "delay-max", required_argument, NULL, O_DELAY_MAX },
	{ "rounds", required_argument, NULL, O_ROUNDS },
	{ "max-rounds", required_argument, NULL, O_MAX_ROUNDS },
	{ "batch", required_argument, NULL, O_BATCH },
	{ "max-seconds", required_argument, NULL, O_MAX_SECONDS },
	{ "min-clashes", required_argument, NULL, O_MIN_CLASHES },
	{ "reply-timeout-ms", required_argument, NULL, O_REPLY_TIMEOUT },
	{ "netns", required_argument, NULL, O_NETNS },
	{ "ct-netns", required_argument, NULL, O_CT_NETNS },
	{ "ct-source", required_argument, NULL, O_CT_SOURCE },
	{ "calibration", no_argument, NULL, O_CALIBRATION },
	{ "warmup", required_argument, NULL, O_WARMUP },
	{ "qname", required_argument, NULL, O_QNAME },
	{ "seed", required_argument, NULL, O_SEED },
	{ "json", required_argument, NULL, O_JSON },
	{ "until-decided", no_argument, NULL, O_UNTIL_DECIDED },
	{ "decide-drops", required_argument, NULL, O_DECIDE_DROPS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Returns 0, 1 for --help, or -1 with a message printed. */
static int parse_args(int argc, char **argv, struct run_opts *o)
{
	uint64_t v;
	int c, k;
	bool have_dst = false, have_rounds = false, have_batch = false;

	memset(o, 0, sizeof(*o));
	o->name = "race";
	o->rounds = 2000;
	o->max_rounds = 20000;
	o->batch = 500;
	o->max_seconds = 60;
	o->min_clashes = 300;
	o->warmup = 8;
	o->decide_drops = 10;
	o->cfg.sport_base = 20000;
	o->cfg.sport_count = 40000;
	o->cfg.nthreads = 2;
	o->cfg.reply_timeout_ms = 500;
	o->cfg.ring_size = 4096;
	o->cfg.qname = "kubernetes.default.svc.cluster.local";
	o->cfg.seed = 1;
	for (k = 0; k < RACE_MAX_THREADS; k++)
		o->cfg.cpus[k] = -1;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		const char *bad = NULL;

		switch (c) {
		case 'h':
			usage(stdout);
			return 1;
		case O_NAME:
			o->name = optarg;
			break;
		case O_DST:
			if (addr_parse(optarg, true, &o->cfg.dst, &o->cfg.dstlen))
				bad = "--dst wants ADDR:PORT or [ADDR6]:PORT";
			have_dst = true;
			break;
		case O_SRC:
			if (addr_parse(optarg, false, &o->cfg.src, &o->cfg.srclen))
				bad = "--src wants an IPv4 or IPv6 address";
			break;
		case O_SPORT_BASE:
			if (opt_uint(optarg, 1024, 65535, &v))
				bad = "--sport-base wants 1024..65535";
			o->cfg.sport_base = (uint16_t)v;
			break;
		case O_SPORT_COUNT:
			if (opt_uint(optarg, 1, 64511, &v))
				bad = "--sport-count wants 1..64511";
			o->cfg.sport_count = (uint16_t)v;
			break;
		case O_THREADS:
			if (opt_uint(optarg, 1, RACE_MAX_THREADS, &v))
				bad = "--threads wants 1..8";
			o->cfg.nthreads = (unsigned int)v;
			break;
		case O_CPUS:
			if (parse_cpus(optarg, &o->cfg))
				bad = "--cpus wants a comma-separated list of CPU numbers";
			break;
		case O_DELAY_MAX:
			if (opt_uint(optarg, 0, 100000, &v))
				bad = "--delay-max wants 0..100000";
			o->cfg.delay_max = (unsigned int)v;
			break;
		case O_ROUNDS:
			if (opt_uint(optarg, 1, 10000000, &o->rounds))
				bad = "--rounds wants 1..10000000";
			have_rounds = true;
			break;
		case O_MAX_ROUNDS:
			if (opt_uint(optarg, 1, 10000000, &o->max_rounds))
				bad = "--max-rounds wants 1..10000000";
			break;
		case O_BATCH:
			if (opt_uint(optarg, 1, 1000000, &o->batch))
				bad = "--batch wants 1..1000000";
			have_batch = true;
			break;
		case O_UNTIL_DECIDED:
			o->until_decided = true;
			break;
		case O_DECIDE_DROPS:
			if (opt_uint(optarg, 1, 1000000, &o->decide_drops))
				bad = "--decide-drops wants 1..1000000";
			break;
		case O_MAX_SECONDS:
			if (opt_uint(optarg, 1, 86400, &o->max_seconds))
				bad = "--max-seconds wants 1..86400";
			break;
		case O_MIN_CLASHES:
			if (opt_uint(optarg, 1, 10000000, &o->min_clashes))
				bad = "--min-clashes wants 1..10000000";
			break;
		case O_REPLY_TIMEOUT:
			if (opt_uint(optarg, 1, 60000, &v))
				bad = "--reply-timeout-ms wants 1..60000";
			o->cfg.reply_timeout_ms = (unsigned int)v;
			break;
		case O_NETNS:
			o->netns = optarg;
			break;
		case O_CT_NETNS:
			o->ct_netns = optarg;
			break;
		case O_CT_SOURCE:
			if (!strcmp(optarg, "auto"))
				o->ct_kind = CT_SRC_AUTO;
			else if (!strcmp(optarg, "netlink"))
				o->ct_kind = CT_SRC_NETLINK;
			else if (!strcmp(optarg, "proc"))
				o->ct_kind = CT_SRC_PROC;
			else
				bad = "--ct-source wants auto, netlink or proc";
			break;
		case O_CALIBRATION:
			o->calibration = true;
			break;
		case O_WARMUP:
			if (opt_uint(optarg, 0, 1000, &o->warmup))
				bad = "--warmup wants 0..1000";
			break;
		case O_QNAME:
			o->cfg.qname = optarg;
			break;
		case O_SEED:
			if (opt_uint(optarg, 1, UINT32_MAX, &v))
				bad = "--seed wants 1..4294967295";
			o->cfg.seed = (uint32_t)v;
			break;
		case O_JSON:
			o->json_path = optarg;
			break;
		default:
			bad = "unknown option";
			break;
		}
		if (bad) {
			fprintf(stderr, "udp-race: %s\n", bad);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "udp-race: unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	if (!have_dst) {
		fprintf(stderr, "udp-race: --dst is required\n");
		return -1;
	}
	if (o->cfg.srclen && o->cfg.src.ss_family != o->cfg.dst.ss_family) {
		fprintf(stderr, "udp-race: --src and --dst are of different families\n");
		return -1;
	}
	if (!o->cfg.srclen) {
		o->cfg.src.ss_family = o->cfg.dst.ss_family;
		o->cfg.srclen = o->cfg.dstlen;
	}
	if (o->until_decided) {
		/* --rounds caps the run; counters are read often */
		if (!have_rounds)
			o->rounds = o->max_rounds < o->cfg.sport_count ?
				    o->max_rounds : o->cfg.sport_count;
		o->max_rounds = o->rounds;
		if (!have_batch)
			o->batch = DECIDED_BATCH;
	}
	/*
	 * A source port used twice meets its first round's conntrack entry,
	 * which lives for minutes: that round cannot race any more.
	 */
	if (o->rounds > o->cfg.sport_count) {
		fprintf(stderr, "udp-race: --rounds %llu exceeds --sport-count %u: a reused source port cannot race\n",
			(unsigned long long)o->rounds, o->cfg.sport_count);
		return -1;
	}
	if (o->max_rounds > o->cfg.sport_count)
		o->max_rounds = o->cfg.sport_count;
	if (o->max_rounds < o->rounds)
		o->max_rounds = o->rounds;
	if ((uint32_t)o->cfg.sport_base + o->cfg.sport_count > 65536) {
		fprintf(stderr, "udp-race: --sport-base + --sport-count exceeds 65536\n");
		return -1;
	}
	return 0;
}

static double elapsed(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

/*
 * Time to stop? A fixed-count run goes --rounds, then on while clashes are
 * short. With --until-decided it stops as soon as the verdict is decided
 * and no more rounds can change it: --min-clashes clashes (no drop among
 * them is FIXED; a drop among them means AFFECTED or ERROR), or
 * --decide-drops drops (never FIXED any more).
 */
static bool enough(const struct run_opts *o, struct ct_source *src,
		   const struct ct_snapshot *before, struct ct_snapshot *now,
		   uint64_t rounds, double secs)
{
	struct ct_delta d;

	if (rounds >= o->max_rounds || secs >= (double)o->max_seconds)
		return true;
	if (!o->until_decided && rounds < o->rounds)
		return false;
	if (ct_source_read(src, now) < 0)
		return true;
	ct_delta(before, now, &d);
	if (!d.ok)
		return false;
	if (o->until_decided && d.drops >= o->decide_drops)
		return true;
	return d.clashes >= o->min_clashes;
}

static void run(const struct run_opts *o, struct outcome *out)
{
	struct ct_source src;
	struct race *r = NULL;
	struct timespec t0;
	char err[200] = "";
	int ret;

	out->in.calibration = o->calibration;
	out->in.min_clashes = o->min_clashes;
	ret = race_usable_cpus();	/* the senders need two */
	if (ret >= 0 && ret < 2) {
		out->in.single_cpu = true;
		snprintf(out->detail, sizeof(out->detail), "%d usable CPU", ret);
		return;
	}
	ret = ct_source_open(&src, o->ct_kind, o->ct_netns);
	if (ret < 0) {
		snprintf(out->detail, sizeof(out->detail),
			 "cannot read conntrack statistics%s%s: %s",
			 o->ct_netns ? " in netns " : "",
			 o->ct_netns ? o->ct_netns : "", strerror(-ret));
		return;
	}
	out->source = ct_source_name(&src);
	ret = race_start(&r, &o->cfg, err, sizeof(err));
	if (ret < 0) {
		snprintf(out->detail, sizeof(out->detail), "%s", err);
		goto out;
	}
	out->bucket_width = race_bucket_width(r);
	ret = race_warmup(r, (unsigned int)o->warmup, 5000);
	if (ret < 0) {
		snprintf(out->detail, sizeof(out->detail),
			 "no answer from the responder during warm-up: %s",
			 strerror(-ret));
		goto out;
	}
	if (ct_source_read(&src, out->before) < 0) {
		snprintf(out->detail, sizeof(out->detail),
			 "conntrack statistics became unreadable");
		goto out;
	}
	out->in.setup_ok = true;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		ret = race_rounds(r, o->batch);
		if (ret < 0) {
			out->in.setup_ok = false;
			snprintf(out->detail, sizeof(out->detail),
				 "round socket: %s", strerror(-ret));
			break;
		}
	} while (!enough(o, &src, out->before, out->after,
			 race_get_stats(r)->rounds, elapsed(&t0)));
	race_settle(r);
	out->seconds = elapsed(&t0);
	out->st = *race_get_stats(r);
	if (ct_source_read(&src, out->after) == 0)
		ct_delta(out->before, out->after, &out->d);
	out->in.counters_ok = out->d.ok;
	out->in.clashes = out->d.clashes;
	out->in.drops = out->d.drops;
	out->in.insert_failed = out->d.insert_failed;
	out->in.early_drop = out->d.early_drop;
	out->in.lost = out->st.eperm + out->st.missing;
	out->in.io_errors = out->st.io_errors;
	out->in.bad_replies = out->st.bad_replies;
	if (out->st.io_errors)
		snprintf(out->detail, sizeof(out->detail), "first error: %s",
			 strerror(out->st.first_io_errno));
out:
	race_stop(r);
	ct_source_close(&src);
}

static void print_line(const struct run_opts *o, const struct outcome *out)
{
	const struct race_stats *st = &out->st;

	printf("%s: %s rounds=%llu clashes=%llu drops=%llu lost=%llu (eperm=%llu missing=%llu) found=%llu time=%.2fs rate=%.0f/s [%s]",
	       o->name, verdict_name(out->verdict),
	       (unsigned long long)st->rounds,
	       (unsigned long long)out->d.clashes,
	       (unsigned long long)out->d.drops,
	       (unsigned long long)(st->eperm + st->missing),
	       (unsigned long long)st->eperm,
	       (unsigned long long)st->missing,
	       (unsigned long long)out->d.found, out->seconds,
	       out->seconds > 0 ? st->rounds / out->seconds : 0.0,
	       out->source ? out->source : "no counters");
	if (out->verdict != V_FIXED)
		printf(" -- %s", out->why);
	if (out->detail[0])
		printf(" (%s)", out->detail);
	putchar('\n');
	fflush(stdout);
}

static void json_counters(struct json *j, const char *key,
			  const struct ct_counters *c)
{
	unsigned int k;

	json_open(j, key, '{');
	for (k = 0; k < CT_NR; k++)
		if (ct_has(c, k))
			json_u64(j, ct_counter_name(k), c->val[k]);
	json_close(j, '}');
}

static void json_per_cpu(struct json *j, const struct outcome *out)
{
	unsigned int i, k;

	json_open(j, "per_cpu_delta", '[');
	for (i = 0; out->d.ok && i < out->after->ncpus; i++) {
		json_open(j, NULL, '{');
		json_u64(j, "cpu", i);
		for (k = 0; k < CT_NR; k++)
			if (ct_has(&out->after->cpu[i], k))
				json_u64(j, ct_counter_name(k),
					 (uint32_t)(out->after->cpu[i].val[k] -
						    out->before->cpu[i].val[k]));
		json_close(j, '}');
	}
	json_close(j, ']');
}

static int write_json(const struct run_opts *o, const struct outcome *out)
{
	const struct race_stats *st = &out->st;
	FILE *f = fopen(o->json_path, "w");
	struct json j;
	unsigned int b;

	if (!f) {
		fprintf(stderr, "udp-race: %s: %s\n", o->json_path, strerror(errno));
		return -1;
	}
	json_init(&j, f);
	json_open(&j, NULL, '{');
	json_str(&j, "scenario", o->name);
	json_str(&j, "verdict", verdict_name(out->verdict));
	json_str(&j, "reason", out->verdict == V_FIXED ? "" : out->why);
	json_str(&j, "detail", out->detail);
	json_bool(&j, "calibration", o->calibration);
	json_u64(&j, "rounds", st->rounds);
	json_u64(&j, "sends", st->sends);
	json_u64(&j, "eperm", st->eperm);
	json_u64(&j, "missing_replies", st->missing);
	json_u64(&j, "lost", st->eperm + st->missing);
	json_u64(&j, "lossy_rounds", st->lossy_rounds);
	json_u64(&j, "replies", st->replies);
	json_u64(&j, "bad_replies", st->bad_replies);
	json_u64(&j, "io_errors", st->io_errors);
	json_u64(&j, "clashes", out->d.clashes);
	json_u64(&j, "drops", out->d.drops);
	json_u64(&j, "insert_failed", out->d.insert_failed);
	json_u64(&j, "found", out->d.found);
	json_u64(&j, "early_drop", out->d.early_drop);
	json_u64(&j, "min_clashes", o->min_clashes);
	json_bool(&j, "counters_ok", out->d.ok);
	json_bool(&j, "has_clash_resolve", out->d.has_clash_resolve);
	json_str(&j, "counter_source", out->source ? out->source : "");
	json_str(&j, "counter_netns", o->ct_netns ? o->ct_netns : "");
	json_u64(&j, "threads", o->cfg.nthreads);
	json_u64(&j, "delay_max", o->cfg.delay_max);
	json_bool(&j, "until_decided", o->until_decided);
	json_double(&j, "seconds", out->seconds);
	json_double(&j, "rounds_per_second",
		    out->seconds > 0 ? st->rounds / out->seconds : 0.0);
	json_counters(&j, "counters_before", &out->before->sum);
	json_counters(&j, "counters_after", &out->after->sum);
	json_per_cpu(&j, out);
	json_open(&j, "delay_buckets", '[');
	for (b = 0; b < RACE_DELAY_BUCKETS; b++) {
		if (!st->rounds_by_delay[b])
			continue;
		json_open(&j, NULL, '{');
		json_u64(&j, "delay_from", b * out->bucket_width);
		json_u64(&j, "delay_to", (b + 1) * out->bucket_width - 1);
		json_u64(&j, "rounds", st->rounds_by_delay[b]);
		json_u64(&j, "lossy_rounds", st->lossy_by_delay[b]);
		json_close(&j, '}');
	}
	json_close(&j, ']');
	json_close(&j, '}');
	fputc('\n', f);
	if (fclose(f)) {
		fprintf(stderr, "udp-race: %s: %s\n", o->json_path, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct run_opts o;
	struct outcome out;
	int ret = parse_args(argc, argv, &o);

	if (ret)
		return ret > 0 ? 0 : EXIT_USAGE;
	/* before any thread: the senders start in this netns */
	if (o.netns && netns_switch(o.netns) < 0) {
		fprintf(stderr, "udp-race: netns %s: %s\n", o.netns, strerror(errno));
		return EXIT_USAGE;
	}
	memset(&out, 0, sizeof(out));
	out.before = calloc(1, sizeof(*out.before));
	out.after = calloc(1, sizeof(*out.after));
	if (!out.before || !out.after) {
		fprintf(stderr, "udp-race: out of memory\n");
		return EXIT_USAGE;
	}
	run(&o, &out);
	out.verdict = verdict_decide(&out.in, &out.why);
	print_line(&o, &out);
	ret = verdict_exit_code(out.verdict);
	if (o.json_path && write_json(&o, &out))
		ret = EXIT_USAGE;
	free(out.before);
	free(out.after);
	return ret;
}
