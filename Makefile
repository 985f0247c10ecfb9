# Top-level Makefile: each component brings its own fragment.
#   make            build the race test into out/bin/
#   make deps       install every Debian package the tree needs (root)
#   make check      unit tests + the race test on this machine's kernel
#   make run        the main job: the race test, every scenario
#   make bench      sender vs upstream-style burst, figures only
#   make help       every target, from each fragment's header
#   make clean      remove out/
# Through make, any failure exits 2 (make's own code): the code a script
# documents is in its last line, or run the script itself (README.md).

OUT ?= out
CC ?= gcc
CFLAGS ?= -O2 -g

.PHONY: all deps check run bench clean help
all: race

# (in this order: it is the order of make check's tests)
include race/race.mk
include autopkgtest/autopkgtest.mk
include sru/sru.mk
include pkg/pkg.mk
include vm/vm.mk

deps:
	@scripts/install-deps deps/packages

# tree/ has no fragment of its own
CHECK_TESTS += $(sort $(wildcard tree/tests/test_*.sh))
# the command-line contract, first: it runs every command's --help
CHECK_TESTS := tests/test_cli_contract.sh $(CHECK_TESTS)
check: race race-tests
	@tests/run $(CHECK_TESTS)

run: race
	$(OUT)/bin/udp-race-test --scenario all --json $(OUT)/race.json

bench: race
	race/bench/sender-vs-burst $(OUT)/bin

clean:
	rm -rf $(OUT)

# the "#   make ..." lines (and their indented continuations) of this
# Makefile and every fragment it includes
help:
	@awk '/^#   make / { on = 1; sub(/^#   /, ""); print; next } \
		on && /^#     / { sub(/^#   /, ""); print; next } { on = 0 }' $(MAKEFILE_LIST)
