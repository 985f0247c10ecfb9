// SPDX-License-Identifier: GPL-2.0
/* Address parsing for --dst, --src and -l. */
#include <arpa/inet.h>
#include <netinet/in.h>

#include "addr.h"
#include "check.h"
#include "opt.h"

static void test_addr(struct check *c)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;

	CHECK_EQ(c, addr_parse("10.96.0.10:53", true, &ss, &len), 0);
	CHECK_EQ(c, ss.ss_family, AF_INET);
	CHECK_EQ(c, ntohs(in4->sin_port), 53);
	CHECK_EQ(c, len, sizeof(*in4));
	CHECK_EQ(c, addr_parse("[fd00:96::10]:5353", true, &ss, &len), 0);
	CHECK_EQ(c, ss.ss_family, AF_INET6);
	CHECK_EQ(c, ntohs(in6->sin6_port), 5353);
	CHECK_EQ(c, addr_parse("fd00:1::2", false, &ss, &len), 0);
	CHECK_EQ(c, ss.ss_family, AF_INET6);
	CHECK_EQ(c, in6->sin6_port, 0);
	CHECK_EQ(c, addr_parse("10.0.1.2", false, &ss, &len), 0);

	CHECK(c, addr_parse("10.0.1.2", true, &ss, &len) < 0);
	CHECK(c, addr_parse("fd00::1", true, &ss, &len) < 0);
	CHECK(c, addr_parse("10.0.1.2:0", true, &ss, &len) < 0);
	CHECK(c, addr_parse("10.0.1.2:65536", true, &ss, &len) < 0);
	CHECK(c, addr_parse("10.0.1.2:-1", true, &ss, &len) < 0);
	CHECK(c, addr_parse("10.0.1.2:53x", true, &ss, &len) < 0);
	CHECK(c, addr_parse("[fd00::1]53", true, &ss, &len) < 0);
	CHECK(c, addr_parse("[fd00::1", true, &ss, &len) < 0);
	CHECK(c, addr_parse("host.example:53", true, &ss, &len) < 0);
	CHECK(c, addr_parse(":53", true, &ss, &len) < 0);
	CHECK(c, addr_parse("", false, &ss, &len) < 0);
}

static void test_opt(struct check *c)
{
	uint64_t v;

	CHECK_EQ(c, opt_uint("300", 1, 1000, &v), 0);
	CHECK_EQ(c, v, 300);
	CHECK(c, opt_uint("0", 1, 10, &v) < 0);
	CHECK(c, opt_uint("11", 1, 10, &v) < 0);
	CHECK(c, opt_uint("-1", 0, 10, &v) < 0);
	CHECK(c, opt_uint(" 1", 0, 10, &v) < 0);
	CHECK(c, opt_uint("1k", 0, 10000, &v) < 0);
	CHECK(c, opt_uint("99999999999999999999999", 0, UINT64_MAX, &v) < 0);
	CHECK(c, opt_uint(NULL, 0, 10, &v) < 0);
}

int main(void)
{
	struct check c = { .suite = "test_addr" };

	test_addr(&c);
	test_opt(&c);
	return check_done(&c);
}
