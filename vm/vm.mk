# The VM harness: a kernel tree (or a packaged kernel) in, a race-test
# verdict out.
#   make vm-test [KSRC=DIR] [SERIES=DIR] [FRAGMENT=FILE]
#   make vm-test DEBS=DIR [FLAVOUR=NAME] [SERIES=DIR] [CCACHE=1]   the kernel
#                 make debs packaged in DIR; a series is rebuilt onto it
#   make verify KSRC=DIR TARGET=bionic|azure   (or SERIES=DIR)
#   make vm-bench                                build and boot times
#   make verify-bench KSRC=DIR TARGET=bionic     verify's time, old vs new
#   make first-scenario-bench [KSRC=DIR] [BOOTS=N] losses in the first scenario
#                                                after a boot
# KSRC defaults to Debian's linux-source-6.1 (make deps installs it).

.PHONY: vm-test verify vm-bench verify-bench first-scenario-bench
VM_ENV = OUT=$(OUT) KSRC=$(KSRC) SERIES=$(SERIES) \
	$(if $(FRAGMENT),FRAGMENT=$(FRAGMENT)) $(if $(DEBS),DEBS=$(DEBS)) \
	$(if $(FLAVOUR),FLAVOUR=$(FLAVOUR)) $(if $(CCACHE),CCACHE=$(CCACHE))

vm-test: race
	@$(VM_ENV) vm/vm-test

verify: race
	@$(VM_ENV) TARGET=$(TARGET) vm/verify

vm-bench: race
	@$(VM_ENV) vm/bench/vm-times

verify-bench: race
	@$(VM_ENV) TARGET=$(TARGET) vm/bench/verify-times

first-scenario-bench: race
	@$(VM_ENV) $(if $(BOOTS),BOOTS=$(BOOTS)) vm/bench/first-scenario

# after the packaging tests (pkg.mk is included first): the VM tests boot
# the self-test packages those build
CHECK_TESTS += $(sort $(wildcard tests/vm/test_*.sh))
