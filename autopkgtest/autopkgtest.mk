# The autopkgtest as a Bionic testbed runs it (autopkgtest/tests/): on
# Bionic's bash, iproute2, iptables and UAPI headers, built from the
# upstream sources in BIONIC_USERSPACE (default ../shared/bionic-userspace
# where it exists; without it that test skips and says what to give).
BIONIC_USERSPACE ?= $(wildcard $(abspath ../shared/bionic-userspace))
export BIONIC_USERSPACE

CHECK_TESTS += $(sort $(wildcard autopkgtest/tests/test_*.sh))
