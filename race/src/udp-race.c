// SPDX-License-Identifier: GPL-2.0
/*
 * udp-race: one scenario of the same-origin UDP conntrack race test.
 * Runs in the client netns, reads the conntrack statistics of the netns
 * that does the NAT, and prints one verdict line (and optionally JSON).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctsource.h"
#include "ctstat.h"
#include "json.h"
#include "netns.h"
#include "race.h"
#include "udp-race-args.h"
#include "verdict.h"

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
	int ret = run_opts_parse(argc, argv, &o);

	if (ret)
		return ret > 0 ? URT_EXIT_FIXED : URT_EXIT_ERROR;
	if (o.check_only)
		return URT_EXIT_FIXED;
	/* before any thread: the senders start in this netns */
	if (o.netns && netns_switch(o.netns) < 0) {
		fprintf(stderr, "udp-race: netns %s: %s\n", o.netns, strerror(errno));
		return URT_EXIT_ERROR;
	}
	memset(&out, 0, sizeof(out));
	out.before = calloc(1, sizeof(*out.before));
	out.after = calloc(1, sizeof(*out.after));
	if (!out.before || !out.after) {
		fprintf(stderr, "udp-race: out of memory\n");
		return URT_EXIT_ERROR;
	}
	run(&o, &out);
	out.verdict = verdict_decide(&out.in, &out.why);
	print_line(&o, &out);
	ret = verdict_exit_code(out.verdict);
	if (o.json_path && write_json(&o, &out))
		ret = URT_EXIT_ERROR;
	free(out.before);
	free(out.after);
	return ret;
}
