# The SRU series and the tools that apply and present them.
#   make apply KSRC=DIR TARGET=bionic|azure   apply patches/TARGET, all or nothing

.PHONY: apply
apply:
	@test -n "$(KSRC)" || { echo "make apply: give KSRC=DIR" >&2; exit 2; }
	@test -n "$(TARGET)" || { echo "make apply: give TARGET=bionic|azure" >&2; exit 2; }
	@sru/apply-series "$(KSRC)" patches/$(TARGET)

CHECK_TESTS += $(sort $(wildcard sru/tests/test_*.sh))
