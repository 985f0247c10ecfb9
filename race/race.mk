# The UDP race test: C instrument, harness, unit tests and bench tool.
# Included by the top-level Makefile (RACE_DIR = race) and by race/Makefile
# (RACE_DIR = ., the autopkgtest's standalone build).
#   make race         the race test's programs and harness into out/bin/
#   make race-tests   its unit tests, fault tools and sanitized builds
#   make race-asan    the sender, responder and counter tool under ASan/UBSan
#   make race-tsan    the sender and responder under TSan
RACE_DIR ?= race
# this tree's own builds: every warning is an error; race/Makefile (a
# testbed's build, another compiler) keeps them warnings
WARN ?= -Wall -Wextra -Werror
BASE_CFLAGS := -std=gnu11 -pthread -D_FILE_OFFSET_BITS=64 $(WARN)

RACE_SRC := $(RACE_DIR)/src
RACE_LIB := $(addprefix $(RACE_SRC)/,addr.c ctsource.c ctstat.c dns.c json.c \
	netns.c opt.c race.c verdict.c)
RACE_HDR := $(wildcard $(RACE_SRC)/*.h)

# Each program: its name and the file holding its main().
RACE_MAIN_udp-race := $(RACE_SRC)/udp-race.c $(RACE_SRC)/udp-race-args.c
RACE_MAIN_udp-race-respond := $(RACE_SRC)/respond.c
RACE_MAIN_udp-race-ctstat := $(RACE_SRC)/ctstat-tool.c
RACE_MAIN_udp-race-burst := $(RACE_DIR)/bench/burst.c

# The harness and the verdict words it shares with vm/, pkg/ and the
# autopkgtest (udp-race-verdict.sh) sit beside the binaries.
RACE_SCRIPTS := udp-race-test udp-race-verdict.sh
RACE_BIN := $(addprefix $(OUT)/bin/,udp-race udp-race-respond udp-race-ctstat \
	udp-race-burst $(RACE_SCRIPTS))
# Sanitized sender, responder and counter tool beside a copy of the
# harness, so test_asan_sender.sh and test_tsan_sender.sh drive them
# through real scenarios.
ASAN_BIN := $(addprefix $(OUT)/asan/bin/,udp-race udp-race-respond \
	udp-race-ctstat $(RACE_SCRIPTS))
TSAN_BIN := $(addprefix $(OUT)/tsan/bin/,udp-race udp-race-respond $(RACE_SCRIPTS))

# Static, so the same binaries run in a VM's initramfs.
RACE_LDFLAGS := -static
TEST_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all -I$(RACE_SRC)
TSAN_CFLAGS := -O1 -g -fsanitize=thread -fno-omit-frame-pointer -I$(RACE_SRC)
RACE_UNIT := $(addprefix $(OUT)/test/,test_dns test_ctstat test_verdict test_addr \
	test_ring_fit)
# Test-only tools that produce a fault the host cannot (race/tests/fault).
RACE_FAULT := $(OUT)/test/deny-netlink

CHECK_TESTS += $(RACE_UNIT) $(sort $(wildcard $(RACE_DIR)/tests/harness/test_*.sh))

.PHONY: race race-asan race-tsan race-tests
race: $(RACE_BIN)
race-asan: $(ASAN_BIN)
race-tsan: $(TSAN_BIN)
race-tests: $(RACE_UNIT) $(RACE_FAULT) race-asan race-tsan

.SECONDEXPANSION:
$(OUT)/bin/%: $$(RACE_MAIN_%) $(RACE_LIB) $(RACE_HDR)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -I$(RACE_SRC) -o $@ $(filter %.c,$^) $(RACE_LDFLAGS)

$(OUT)/asan/bin/%: $$(RACE_MAIN_%) $(RACE_LIB) $(RACE_HDR)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(TEST_CFLAGS) -o $@ $(filter %.c,$^)

$(OUT)/tsan/bin/%: $$(RACE_MAIN_%) $(RACE_LIB) $(RACE_HDR)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(TSAN_CFLAGS) -o $@ $(filter %.c,$^)

$(OUT)/bin/udp-race-test $(OUT)/asan/bin/udp-race-test $(OUT)/tsan/bin/udp-race-test: \
		$(RACE_DIR)/udp-race-test
	@mkdir -p $(@D)
	install -m 0755 $< $@

$(OUT)/bin/udp-race-verdict.sh $(OUT)/asan/bin/udp-race-verdict.sh \
		$(OUT)/tsan/bin/udp-race-verdict.sh: $(RACE_DIR)/udp-race-verdict.sh
	@mkdir -p $(@D)
	install -m 0644 $< $@

$(OUT)/test/%: $(RACE_DIR)/tests/unit/%.c $(RACE_DIR)/tests/unit/check.h $(RACE_LIB) $(RACE_HDR)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(TEST_CFLAGS) -DFIXTURES='"$(RACE_DIR)/tests/unit/fixtures"' \
		-o $@ $(filter %.c,$^)

$(OUT)/test/%: $(RACE_DIR)/tests/fault/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -o $@ $<
