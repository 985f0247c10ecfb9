# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Shared by vm-test, verify, run-vm and pkg/autopkgtest.

# the verdict words and report totals: verdict_name, autopkgtest_name,
# report_totals, URT_EXIT_*
# shellcheck source=race/udp-race-verdict.sh
. "$(dirname "${BASH_SOURCE[0]}")/../race/udp-race-verdict.sh"

# The race test's arguments in a VM: every scenario, each stopped as soon
# as its verdict is decided.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly VM_DEFAULT_ARGS="--scenario all --until-decided"
