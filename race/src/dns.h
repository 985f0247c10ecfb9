/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal DNS message codec: exactly what a resolver's A/AAAA lookup and
 * its answer need, with strict bounds checks on everything read.
 */
#ifndef UDP_RACE_DNS_H
#define UDP_RACE_DNS_H

#include <stddef.h>
#include <stdint.h>

#define DNS_TYPE_A	1
#define DNS_TYPE_AAAA	28
#define DNS_CLASS_IN	1

#define DNS_HDR_LEN	12
#define DNS_NAME_MAX	255	/* wire form, RFC 1035 2.3.4 */
#define DNS_LABEL_MAX	63
#define DNS_MSG_MAX	512	/* plain UDP DNS */

/* Errors returned as negative values */
enum dns_err {
	DNS_OK = 0,
	DNS_ETRUNC = 1,		/* message shorter than its fields */
	DNS_ENAME = 2,		/* bad name: label too long, pointer, too long */
	DNS_ESPACE = 3,		/* output buffer too small */
	DNS_ENOTQUERY = 4,	/* QR set, opcode not QUERY or qdcount != 1 */
	DNS_ENOTRESP = 5,	/* QR clear in something read as a response */
	DNS_EID = 6,		/* response ID does not match */
	DNS_EQUESTION = 7,	/* response question differs from the query */
	DNS_ERCODE = 8,		/* response rcode is not NOERROR */
	DNS_EANSWER = 9,	/* no answer of the asked type */
};

struct dns_question {
	uint16_t id;
	uint16_t flags;
	uint16_t qtype;
	uint16_t qclass;
	char name[DNS_NAME_MAX + 1];	/* dotted, no trailing dot */
	size_t end;			/* offset just past the question */
};

const char *dns_strerror(int err);

/* Returns the query length, or a negative enum dns_err. */
int dns_build_query(uint8_t *buf, size_t cap, uint16_t id, const char *name,
		    uint16_t qtype);

/* Parses header and first question of any message (query or response). */
int dns_parse_question(const uint8_t *msg, size_t len,
		       struct dns_question *q);

/*
 * Builds the answer to @query: one A (192.0.2.1) or AAAA (2001:db8::1)
 * record for those types, NOERROR with no answer for any other type.
 * Returns the response length, or a negative enum dns_err.
 */
int dns_build_response(const uint8_t *query, size_t qlen, uint8_t *out,
		       size_t cap);

/* 0 when @msg answers a query (@id, @name, @qtype), else negative. */
int dns_check_response(const uint8_t *msg, size_t len, uint16_t id,
		       const char *name, uint16_t qtype);

#endif
