# The SRU series and the tools that apply and present them.
#   make apply KSRC=DIR TARGET=bionic|azure     apply patches/TARGET, all or nothing
#   make sru-mail KSRC=DIR TARGET=bionic|azure  the mail set, from make verify's PASS record

.PHONY: apply sru-mail
apply:
	@test -n "$(KSRC)" || { echo "make apply: give KSRC=DIR" >&2; exit 2; }
	@test -n "$(TARGET)" || { echo "make apply: give TARGET=bionic|azure" >&2; exit 2; }
	@sru/apply-series "$(KSRC)" patches/$(TARGET)

sru-mail:
	@test -n "$(KSRC)" || { echo "make sru-mail: give KSRC=DIR" >&2; exit 2; }
	@test -n "$(TARGET)" || { echo "make sru-mail: give TARGET=bionic|azure" >&2; exit 2; }
	@sru/sru-mail --out $(OUT)/sru-mail/$(TARGET) --abi $(OUT)/abi/$(TARGET) --target $(TARGET) \
		"$(KSRC)" patches/$(TARGET) $(OUT)/verify-$(TARGET).json

CHECK_TESTS += $(sort $(wildcard sru/tests/test_*.sh))
