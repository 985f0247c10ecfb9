# Packaging: Ubuntu-shaped kernel .debs from a tree, and the autopkgtest on
# the packaged kernel.
#   make debs TARGET=bionic|azure|selftest [KSRC=DIR] [SERIES=DIR] [FLAVOURS=...]
#             [RULES_VARS="name=value ..."] [CCACHE=1] [DISTCC_HOSTS=...]
# The targets that take built packages take DEBS=DIR (default
# $(OUT)/debs/$(TARGET)) and one FLAVOUR=; make debs builds FLAVOURS=.
#   make sign [TARGET=selftest|DEBS=DIR] [SIGNING_KEY=PEM SIGNING_CERT=PEM]   the signed
#             image package again from the unsigned one (default: the OVMF
#             test key, which the Secure Boot run trusts)
#   make source TARGET=... [KSRC=DIR] [SERIES=DIR] [ORIG=FILE] [DEBSIGN_KEYID=ID]
#   make chroot-build [TARGET=selftest] [DSC=FILE] [CCACHE=1]   as Launchpad builds it
#   make install-test [TARGET=selftest] [BASELINE=DIR] [FIX=DIR]   install, upgrade, purge
#   make autopkgtest [TARGET=selftest] [DEBS=DIR] [FLAVOUR=...]   Debian's runner,
#             a QEMU testbed booted into the packaged kernel
#   make vm-udp-race [TARGET=selftest|DEBS=DIR] [FLAVOUR=...]   the quick path: the
#             packaged test script on the packaged kernel in the initramfs VM
#   make sb-test [TARGET=selftest|DEBS=DIR] [FLAVOUR=...]   the same under UEFI Secure Boot
#   make sb-bench [TARGET=selftest]   Secure Boot boot times, figures only
#   make ccache-bench   a cold package build with a warm ccache, figures only
#   make lintian [TARGET=selftest|DEBS=DIR]
#   make sru-verify BEFORE=DIR AFTER=DIR [TARGET=bionic|SERIES=DIR] [FLAVOUR=...]
#             [SECURE_BOOT=1] [UPGRADE=1]   the -proposed kernel against the
#             one in -updates, from their packages: a report for the bug
# An Ubuntu tree's own debian*/ build it; selftest/packaging/ is the
# self-test base's; pkg/ drives them. See README.Ubuntu.

.PHONY: debs sign source chroot-build install-test autopkgtest vm-udp-race sb-test sb-bench ccache-bench lintian sru-verify
PKG_ENV = OUT=$(OUT) TARGET=$(TARGET) KSRC=$(KSRC) SERIES=$(SERIES) \
	FLAVOURS="$(FLAVOURS)" NOCLEAN=$(NOCLEAN) EXTRA_CONFIG=$(EXTRA_CONFIG) \
	CCACHE=$(CCACHE) $(if $(DISTCC_HOSTS),DISTCC_HOSTS="$(DISTCC_HOSTS)") \
	RULES_VARS="$(RULES_VARS)" \
	$(if $(SIGNING_KEY),SIGNING_KEY=$(SIGNING_KEY)) \
	$(if $(SIGNING_CERT),SIGNING_CERT=$(SIGNING_CERT))

# the other spelling of a variable, refused rather than ignored
PKG_ONE_FLAVOUR = $(if $(FLAVOURS),$(error make $@ takes one FLAVOUR=NAME, not FLAVOURS=))
PKG_DEBS_ENV = $(if $(DEBS),DEBS=$(DEBS)) $(if $(TARGET),TARGET=$(TARGET))

debs:
	$(if $(FLAVOUR),$(error make debs builds FLAVOURS="a b ..."; FLAVOUR= is for the targets that take one built flavour))
	@$(PKG_ENV) pkg/build-debs

sign:
	@OUT=$(OUT) $(PKG_DEBS_ENV) $(if $(SIGNING_KEY),SIGNING_KEY=$(SIGNING_KEY)) \
		$(if $(SIGNING_CERT),SIGNING_CERT=$(SIGNING_CERT)) pkg/sign-debs

source:
	@OUT=$(OUT) TARGET=$(TARGET) KSRC=$(KSRC) SERIES=$(SERIES) ORIG=$(ORIG) LOCAL_ORIG=$(LOCAL_ORIG) \
		DEBSIGN_KEYID=$(DEBSIGN_KEYID) pkg/build-source

chroot-build:
	@OUT=$(OUT) TARGET=$(or $(TARGET),selftest) CCACHE=$(CCACHE) pkg/chroot-build $(DSC)

install-test:
	$(PKG_ONE_FLAVOUR)
	@OUT=$(OUT) TARGET=$(or $(TARGET),selftest) FLAVOUR=$(FLAVOUR) pkg/install-test $(BASELINE) $(FIX)

autopkgtest:
	$(PKG_ONE_FLAVOUR)
	@OUT=$(OUT) $(PKG_DEBS_ENV) FLAVOUR=$(FLAVOUR) pkg/autopkgtest

vm-udp-race: race
	$(PKG_ONE_FLAVOUR)
	@OUT=$(OUT) $(PKG_DEBS_ENV) FLAVOUR=$(FLAVOUR) pkg/vm-udp-race

sb-test: race
	$(PKG_ONE_FLAVOUR)
	@OUT=$(OUT) $(PKG_DEBS_ENV) FLAVOUR=$(FLAVOUR) SECURE_BOOT=1 pkg/vm-udp-race

sb-bench: race
	@OUT=$(OUT) TARGET=$(or $(TARGET),selftest) pkg/bench/sb-times

ccache-bench:
	@OUT=$(OUT) pkg/bench/ccache-rebuild

lintian:
	@pkg/lintian-debs $(or $(DEBS),$(OUT)/debs/$(or $(TARGET),selftest))

sru-verify: race
	$(PKG_ONE_FLAVOUR)
	@OUT=$(OUT) BEFORE=$(BEFORE) AFTER=$(AFTER) TARGET=$(TARGET) SERIES=$(SERIES) FLAVOUR=$(FLAVOUR) \
		SECURE_BOOT=$(SECURE_BOOT) UPGRADE=$(UPGRADE) $(if $(VM_ARGS),VM_ARGS="$(VM_ARGS)") \
		$(if $(VM_TIMEOUT),VM_TIMEOUT=$(VM_TIMEOUT)) pkg/sru-verify

CHECK_TESTS += $(sort $(wildcard pkg/tests/test_*.sh))
