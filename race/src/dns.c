// SPDX-License-Identifier: GPL-2.0
/*
 * Minimal DNS codec for the race test: build A/AAAA queries, answer them,
 * and check that an answer belongs to the query that was sent.
 */
#include <string.h>
#include <strings.h>

#include "dns.h"

#define DNS_FLAG_QR	0x8000
#define DNS_FLAG_RD	0x0100
#define DNS_FLAG_RA	0x0080
#define DNS_OPCODE(f)	(((f) >> 11) & 0xf)
#define DNS_RCODE(f)	((f) & 0xf)
#define DNS_TTL		30

static const char * const dns_errors[] = {
	[DNS_OK] = "ok",
	[DNS_ETRUNC] = "truncated message",
	[DNS_ENAME] = "malformed name",
	[DNS_ESPACE] = "buffer too small",
	[DNS_ENOTQUERY] = "not a standard query",
	[DNS_ENOTRESP] = "not a response",
	[DNS_EID] = "ID mismatch",
	[DNS_EQUESTION] = "question mismatch",
	[DNS_ERCODE] = "error rcode",
	[DNS_EANSWER] = "no answer of the asked type",
};

const char *dns_strerror(int err)
{
	if (err < 0)
		err = -err;
	if ((size_t)err >= sizeof(dns_errors) / sizeof(dns_errors[0]))
		return "unknown error";
	return dns_errors[err];
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

/* Encodes a dotted name into wire labels; returns bytes written or < 0. */
static int encode_name(uint8_t *out, size_t cap, const char *name)
{
	size_t pos = 0;
	const char *p = name;

	if (*p == '\0' || strcmp(p, ".") == 0) {
		if (cap < 1)
			return -DNS_ESPACE;
		out[0] = 0;
		return 1;
	}
	while (*p) {
		const char *dot = strchr(p, '.');
		size_t lablen = dot ? (size_t)(dot - p) : strlen(p);

		if (lablen == 0 || lablen > DNS_LABEL_MAX)
			return -DNS_ENAME;
		if (pos + 1 + lablen + 1 > DNS_NAME_MAX)
			return -DNS_ENAME;
		if (pos + 1 + lablen + 1 > cap)
			return -DNS_ESPACE;
		out[pos++] = (uint8_t)lablen;
		memcpy(out + pos, p, lablen);
		pos += lablen;
		p += lablen;
		if (*p == '.') {
			p++;
			if (*p == '\0')	/* trailing dot: fully qualified */
				break;
		}
	}
	out[pos++] = 0;
	return (int)pos;
}

/*
 * Decodes an uncompressed name at @off into dotted form. Questions never
 * need compression, so a pointer is treated as malformed.
 */
static int decode_name(const uint8_t *msg, size_t len, size_t off,
		       char *out, size_t *end)
{
	size_t wire = 0, o = 0;

	for (;;) {
		uint8_t lab;

		if (off >= len)
			return -DNS_ETRUNC;
		lab = msg[off++];
		wire++;
		if (lab == 0)
			break;
		if (lab > DNS_LABEL_MAX)
			return -DNS_ENAME;
		wire += lab;
		if (wire + 1 > DNS_NAME_MAX)
			return -DNS_ENAME;
		if (off + lab > len)
			return -DNS_ETRUNC;
		if (o)
			out[o++] = '.';
		memcpy(out + o, msg + off, lab);
		o += lab;
		off += lab;
	}
	out[o] = '\0';
	*end = off;
	return 0;
}

int dns_build_query(uint8_t *buf, size_t cap, uint16_t id, const char *name,
		    uint16_t qtype)
{
	int n;

	if (cap < DNS_HDR_LEN)
		return -DNS_ESPACE;
	memset(buf, 0, DNS_HDR_LEN);
	put16(buf, id);
	put16(buf + 2, DNS_FLAG_RD);
	put16(buf + 4, 1);	/* qdcount */
	n = encode_name(buf + DNS_HDR_LEN, cap - DNS_HDR_LEN, name);
	if (n < 0)
		return n;
	if (DNS_HDR_LEN + (size_t)n + 4 > cap)
		return -DNS_ESPACE;
	put16(buf + DNS_HDR_LEN + n, qtype);
	put16(buf + DNS_HDR_LEN + n + 2, DNS_CLASS_IN);
	return DNS_HDR_LEN + n + 4;
}

int dns_parse_question(const uint8_t *msg, size_t len,
		       struct dns_question *q)
{
	size_t end;
	int err;

	if (len < DNS_HDR_LEN)
		return -DNS_ETRUNC;
	q->id = get16(msg);
	q->flags = get16(msg + 2);
	if (get16(msg + 4) != 1)
		return -DNS_ENOTQUERY;
	err = decode_name(msg, len, DNS_HDR_LEN, q->name, &end);
	if (err)
		return err;
	if (end + 4 > len)
		return -DNS_ETRUNC;
	q->qtype = get16(msg + end);
	q->qclass = get16(msg + end + 2);
	q->end = end + 4;
	return 0;
}

int dns_build_response(const uint8_t *query, size_t qlen, uint8_t *out,
		       size_t cap)
{
	static const uint8_t addr4[4] = { 192, 0, 2, 1 };
	static const uint8_t addr6[16] = { 0x20, 0x01, 0x0d, 0xb8,
					   [15] = 1 };
	struct dns_question q;
	const uint8_t *rdata = NULL;
	uint16_t rdlen = 0;
	size_t pos;
	int err;

	err = dns_parse_question(query, qlen, &q);
	if (err)
		return err;
	if ((q.flags & DNS_FLAG_QR) || DNS_OPCODE(q.flags) != 0)
		return -DNS_ENOTQUERY;
	if (q.qclass == DNS_CLASS_IN && q.qtype == DNS_TYPE_A) {
		rdata = addr4;
		rdlen = sizeof(addr4);
	} else if (q.qclass == DNS_CLASS_IN && q.qtype == DNS_TYPE_AAAA) {
		rdata = addr6;
		rdlen = sizeof(addr6);
	}
	pos = q.end;
	if (pos + (rdata ? 12u + rdlen : 0u) > cap)
		return -DNS_ESPACE;
	memcpy(out, query, pos);
	put16(out + 2, DNS_FLAG_QR | DNS_FLAG_RA | (q.flags & DNS_FLAG_RD));
	put16(out + 6, rdata ? 1 : 0);	/* ancount */
	put16(out + 8, 0);		/* nscount */
	put16(out + 10, 0);		/* arcount */
	if (!rdata)
		return (int)pos;
	put16(out + pos, 0xc000 | DNS_HDR_LEN);	/* name: pointer to question */
	put16(out + pos + 2, q.qtype);
	put16(out + pos + 4, DNS_CLASS_IN);
	put16(out + pos + 6, 0);
	put16(out + pos + 8, DNS_TTL);
	put16(out + pos + 10, rdlen);
	memcpy(out + pos + 12, rdata, rdlen);
	return (int)(pos + 12 + rdlen);
}

int dns_check_response(const uint8_t *msg, size_t len, uint16_t id,
		       const char *name, uint16_t qtype)
{
	struct dns_question q;
	size_t off;
	uint16_t ancount, i;
	int err;

	err = dns_parse_question(msg, len, &q);
	if (err)
		return err;
	if (!(q.flags & DNS_FLAG_QR))
		return -DNS_ENOTRESP;
	if (q.id != id)
		return -DNS_EID;
	if (q.qtype != qtype || q.qclass != DNS_CLASS_IN ||
	    strcasecmp(q.name, name) != 0)
		return -DNS_EQUESTION;
	if (DNS_RCODE(q.flags) != 0)
		return -DNS_ERCODE;
	ancount = get16(msg + 6);
	off = q.end;
	for (i = 0; i < ancount; i++) {
		uint16_t type, rdlen;

		/* Owner name: a compression pointer or uncompressed labels. */
		if (off + 2 <= len && (msg[off] & 0xc0) == 0xc0) {
			off += 2;
		} else {
			char skip[DNS_NAME_MAX + 1];

			err = decode_name(msg, len, off, skip, &off);
			if (err)
				return err;
		}
		if (off + 10 > len)
			return -DNS_ETRUNC;
		type = get16(msg + off);
		rdlen = get16(msg + off + 8);
		off += 10;
		if (off + rdlen > len)
			return -DNS_ETRUNC;
		if (type == qtype)
			return 0;
		off += rdlen;
	}
	return -DNS_EANSWER;
}
