# SPDX-License-Identifier: GPL-2.0
# Versions, names and switches shared by every branch. Everything version-
# like comes from $(DEBIAN)/changelog's newest entry, e.g. 4.15.0-42.45:
#   release 4.15.0, revision 42.45, abinum 42, uploadnum 45,
#   abi_release 4.15.0-42, kernel release (uname -r) 4.15.0-42-<flavour>.

# debian/scripts/* are run as $(SHELL) debian/scripts/<name>: the diff of a
# format 1.0 source package does not carry their executable bit.
SHELL := /bin/bash
.SHELLFLAGS := -e -o pipefail -c
.DELETE_ON_ERROR:

arch := $(shell dpkg-architecture -qDEB_HOST_ARCH)

changelog_field = $(shell dpkg-parsechangelog -l$(DEBIAN)/changelog -S$(1))
src_pkg_name := $(call changelog_field,Source)
fullver := $(call changelog_field,Version)
distribution := $(call changelog_field,Distribution)
release := $(shell echo '$(fullver)' | sed 's/-[^-]*$$//')
revision := $(shell echo '$(fullver)' | sed 's/^.*-//')
abinum := $(shell echo '$(revision)' | sed 's/\..*//')
uploadnum := $(shell echo '$(revision)' | sed 's/^[^.]*\.//')
abi_release := $(release)-$(abinum)
# reproducible: the build stamp is the changelog's date
SOURCE_DATE_EPOCH ?= $(call changelog_field,Timestamp)
export SOURCE_DATE_EPOCH

ifeq ($(strip $(abinum)),)
$(error $(DEBIAN)/changelog: version "$(fullver)" is not <release>-<abi>.<upload>)
endif

# package names (per flavour: -<abi_release>-<flavour> is appended)
bin_pkg_name_signed := linux-image-$(abi_release)
bin_pkg_name_unsigned := linux-image-unsigned-$(abi_release)
mods_pkg_name := linux-modules-$(abi_release)
mods_extra_pkg_name := linux-modules-extra-$(abi_release)
hdrs_pkg_name := linux-headers-$(abi_release)
bldinfo_pkg_name := linux-buildinfo-$(abi_release)
indep_hdrs_pkg_name := $(src_pkg_name)-headers-$(abi_release)

builddir := $(CURDIR)/debian/build
stampdir := $(CURDIR)/debian/stamps

# switches; the branch's <arch>.mk may set them, the command line wins
disable_d_i ?=
no_dumpfile ?= true
config_base ?= olddefconfig
# a config fragment applied last, after the branch's config is checked
EXTRA_CONFIG ?=

# Image signing: with SIGNING_KEY and SIGNING_CERT (PEM files) the flavour's
# bzImage is sbsign'ed into linux-image-<abi>-<flavour>; without them only
# linux-image-unsigned-<abi>-<flavour> is built (a PPA build, say).
SIGNING_KEY ?=
SIGNING_CERT ?=
do_signed_image := $(if $(and $(SIGNING_KEY),$(SIGNING_CERT)),true,false)

# CCACHE=1: the kernel's compiles go through ccache (its own settings, such
# as CCACHE_DIR, from the environment). DISTCC_HOSTS: through distcc, behind
# ccache when both are on. Both off by default; the compiler line is
# otherwise the same.
CCACHE ?=
hostcc_launcher :=
ifneq ($(filter 1 true yes,$(CCACHE)),)
# ccache, except for an assembler source with .incbin, whose included file
# ccache does not hash (the compressed vmlinux, the signing certificate):
# debian/scripts/ccache-cc, run with $(SHELL) (a format 1.0 source package
# keeps no executable bit)
kcc_launcher := $(SHELL) $(CURDIR)/debian/scripts/ccache-cc
# the host tools (kconfig, modpost, objtool) too: distcc would not help them
hostcc_launcher := ccache
ifneq ($(DISTCC_HOSTS),)
export CCACHE_PREFIX := distcc
endif
else ifneq ($(DISTCC_HOSTS),)
kcc_launcher := distcc
else
kcc_launcher :=
endif
ifneq ($(DISTCC_HOSTS),)
export DISTCC_HOSTS
endif

# parallel=N from DEB_BUILD_OPTIONS, else distcc's slots, else every CPU
CONCURRENCY_LEVEL := $(or $(patsubst parallel=%,%,$(filter parallel=%,$(DEB_BUILD_OPTIONS))),$(if $(DISTCC_HOSTS),$(shell distcc -j)),$(shell nproc))

kernel_version := $(shell sed -n 's/^VERSION = //p' Makefile).$(shell sed -n 's/^PATCHLEVEL = //p' Makefile)
kernel_fullversion := $(kernel_version).$(shell sed -n 's/^SUBLEVEL = //p' Makefile)

# The compiler is gcc. A host whose toolchain is newer than the tree gives
# what the tree needs from outside (pkg/build-debs: CC=, HOSTCC= and Kbuild
# variables on the command line, which win), as for an Ubuntu tree's own
# packaging. EXTRA_CONFIG turns off modules the previous ABI may list:
# module-check then reports what is gone without failing.
kcc := gcc
ifneq ($(strip $(EXTRA_CONFIG)),)
skipmodule ?= true
endif

# Kbuild, out of tree in $(builddir)/build-<flavour>. Variables on make's
# command line are exported to Kbuild; the outer make's flags are not, nor
# the userspace build flags dpkg-buildpackage exports: 4.15's Kbuild takes
# LDFLAGS from the environment for its module links (and a hand-run
# debian/rules target would then relink what dpkg-buildpackage built).
kmake = env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u CPPFLAGS -u CXXFLAGS \
	-u LDFLAGS -u ASFLAGS $(MAKE) ARCH=$(build_arch) \
	CC="$(strip $(kcc_launcher) $(kcc))" HOSTCC="$(strip $(hostcc_launcher) $(kcc))" \
	KERNELVERSION=$(abi_release)-$(target_flavour) LOCALVERSION= \
	KBUILD_BUILD_VERSION="$(uploadnum)" \
	CONFIG_DEBUG_SECTION_MISMATCH=y
