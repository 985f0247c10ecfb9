#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lintian reports no error on the self-test packages (warnings are listed).
. "$(dirname "$0")/lib.sh"
need_selftest_debs
"$ROOT/pkg/lintian-debs" "$DEBS" || fail "lintian reports errors"
