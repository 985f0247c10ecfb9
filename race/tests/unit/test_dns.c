// SPDX-License-Identifier: GPL-2.0
/* DNS encoder/decoder: round trips, strict bounds, hostile input. */
#include <string.h>

#include "check.h"
#include "dns.h"

#define QNAME "kubernetes.default.svc.cluster.local"

static void test_query_roundtrip(struct check *c)
{
	uint8_t buf[DNS_MSG_MAX];
	struct dns_question q;
	int n = dns_build_query(buf, sizeof(buf), 0x1234, QNAME, DNS_TYPE_AAAA);

	CHECK_EQ(c, n, DNS_HDR_LEN + strlen(QNAME) + 2 + 4);
	CHECK_EQ(c, dns_parse_question(buf, n, &q), 0);
	CHECK_EQ(c, q.id, 0x1234);
	CHECK_EQ(c, q.qtype, DNS_TYPE_AAAA);
	CHECK_EQ(c, q.qclass, DNS_CLASS_IN);
	CHECK(c, !strcmp(q.name, QNAME));
	CHECK_EQ(c, q.flags & 0x8000, 0);	/* a query */
	CHECK_EQ(c, buf[DNS_HDR_LEN], 10);	/* "kubernetes" */
	/* a trailing dot means the same name */
	CHECK_EQ(c, dns_build_query(buf, sizeof(buf), 1, QNAME ".", DNS_TYPE_A), n);
}

static void test_name_limits(struct check *c)
{
	uint8_t buf[DNS_MSG_MAX];
	char name[400];

	memset(name, 'a', 63);
	name[63] = '\0';
	CHECK(c, dns_build_query(buf, sizeof(buf), 1, name, DNS_TYPE_A) > 0);
	memset(name, 'a', 64);
	name[64] = '\0';
	CHECK_EQ(c, -dns_build_query(buf, sizeof(buf), 1, name, DNS_TYPE_A), DNS_ENAME);
	CHECK_EQ(c, -dns_build_query(buf, sizeof(buf), 1, "a..b", DNS_TYPE_A), DNS_ENAME);
	/* 4 x 63-byte labels = 256 wire bytes > 255 */
	memset(name, 'b', sizeof(name));
	name[63] = name[127] = name[191] = '.';
	name[255] = '\0';
	CHECK_EQ(c, -dns_build_query(buf, sizeof(buf), 1, name, DNS_TYPE_A), DNS_ENAME);
	/* 3 x 63 + 61 = 253 characters: 255 wire bytes, the maximum */
	name[253] = '\0';
	CHECK(c, dns_build_query(buf, sizeof(buf), 1, name, DNS_TYPE_A) > 0);
	CHECK_EQ(c, -dns_build_query(buf, 20, 1, QNAME, DNS_TYPE_A), DNS_ESPACE);
	CHECK_EQ(c, -dns_build_query(buf, 4, 1, QNAME, DNS_TYPE_A), DNS_ESPACE);
}

static void test_response(struct check *c)
{
	uint8_t q[DNS_MSG_MAX], r[DNS_MSG_MAX];
	int qn, rn;

	qn = dns_build_query(q, sizeof(q), 77, QNAME, DNS_TYPE_A);
	rn = dns_build_response(q, qn, r, sizeof(r));
	CHECK_EQ(c, rn, qn + 12 + 4);
	CHECK_EQ(c, dns_check_response(r, rn, 77, QNAME, DNS_TYPE_A), 0);
	CHECK_EQ(c, dns_check_response(r, rn, 77, "KUBERNETES.default.SVC.cluster.local",
				       DNS_TYPE_A), 0);
	CHECK_EQ(c, -dns_check_response(r, rn, 78, QNAME, DNS_TYPE_A), DNS_EID);
	CHECK_EQ(c, -dns_check_response(r, rn, 77, QNAME, DNS_TYPE_AAAA), DNS_EQUESTION);
	CHECK_EQ(c, -dns_check_response(r, rn, 77, "other.name", DNS_TYPE_A), DNS_EQUESTION);
	CHECK_EQ(c, -dns_check_response(q, qn, 77, QNAME, DNS_TYPE_A), DNS_ENOTRESP);
	CHECK_EQ(c, -dns_check_response(r, rn - 1, 77, QNAME, DNS_TYPE_A), DNS_ETRUNC);
	/* answering an answer is refused */
	CHECK_EQ(c, -dns_build_response(r, rn, q, sizeof(q)), DNS_ENOTQUERY);
	CHECK_EQ(c, -dns_build_response(q, qn, r, qn + 3), DNS_ESPACE);

	qn = dns_build_query(q, sizeof(q), 78, QNAME, DNS_TYPE_AAAA);
	rn = dns_build_response(q, qn, r, sizeof(r));
	CHECK_EQ(c, rn, qn + 12 + 16);
	CHECK_EQ(c, dns_check_response(r, rn, 78, QNAME, DNS_TYPE_AAAA), 0);
	CHECK_EQ(c, r[rn - 1], 1);	/* 2001:db8::1 */

	/* other types: NOERROR, no answer */
	qn = dns_build_query(q, sizeof(q), 79, QNAME, 16 /* TXT */);
	rn = dns_build_response(q, qn, r, sizeof(r));
	CHECK_EQ(c, rn, qn);
	CHECK_EQ(c, -dns_check_response(r, rn, 79, QNAME, 16), DNS_EANSWER);

	/* an error rcode is not an answer */
	qn = dns_build_query(q, sizeof(q), 80, QNAME, DNS_TYPE_A);
	rn = dns_build_response(q, qn, r, sizeof(r));
	r[3] |= 3;	/* NXDOMAIN */
	CHECK_EQ(c, -dns_check_response(r, rn, 80, QNAME, DNS_TYPE_A), DNS_ERCODE);
}

static void test_malformed(struct check *c)
{
	uint8_t buf[DNS_MSG_MAX];
	struct dns_question q;
	int n = dns_build_query(buf, sizeof(buf), 5, QNAME, DNS_TYPE_A);
	int i;

	CHECK_EQ(c, -dns_parse_question(buf, 11, &q), DNS_ETRUNC);
	for (i = DNS_HDR_LEN; i < n; i++)
		CHECK(c, dns_parse_question(buf, i, &q) < 0);
	buf[DNS_HDR_LEN] = 0xc0;	/* compression pointer in a question */
	CHECK_EQ(c, -dns_parse_question(buf, n, &q), DNS_ENAME);
	buf[DNS_HDR_LEN] = 10;
	buf[5] = 2;			/* qdcount 2 */
	CHECK_EQ(c, -dns_parse_question(buf, n, &q), DNS_ENOTQUERY);
	CHECK(c, strcmp(dns_strerror(-DNS_EID), "ID mismatch") == 0);
	CHECK(c, strcmp(dns_strerror(999), "unknown error") == 0);
}

/* Random bytes and random mutations must never read out of bounds. */
static void test_noise(struct check *c)
{
	uint8_t good[DNS_MSG_MAX], buf[DNS_MSG_MAX], out[DNS_MSG_MAX];
	unsigned int seed = 12345, i, k;
	int qn = dns_build_query(good, sizeof(good), 9, QNAME, DNS_TYPE_A);
	int rn = dns_build_response(good, qn, buf, sizeof(buf));
	unsigned int accepted = 0;

	memcpy(good, buf, rn);
	for (i = 0; i < 200000; i++) {
		struct dns_question q;
		size_t len = check_rand(&seed) % (rn + 8);

		if (len > sizeof(buf))
			len = sizeof(buf);
		memcpy(buf, good, sizeof(buf));
		for (k = check_rand(&seed) % 4; k > 0; k--)
			buf[check_rand(&seed) % rn] = (uint8_t)check_rand(&seed);
		if (dns_check_response(buf, len, 9, QNAME, DNS_TYPE_A) == 0)
			accepted++;
		dns_parse_question(buf, len, &q);
		dns_build_response(buf, len, out, sizeof(out));
	}
	CHECK(c, accepted > 0);	/* intact copies still pass */
}

int main(void)
{
	struct check c = { .suite = "test_dns" };

	test_query_roundtrip(&c);
	test_name_limits(&c);
	test_response(&c);
	test_malformed(&c);
	test_noise(&c);
	return check_done(&c);
}
