#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make autopkgtest's testbed never runs under KVM (a guest hangs at boot
# under KVM on these machines): the runner adds -enable-kvm, and -cpu host
# on AMD, whenever /dev/kvm exists; pkg/testbed/qemu-tcg, its --qemu-command,
# drops both and asks for TCG. Checked on the command line it hands on.
. "$(dirname "$0")/lib.sh"

scratch_dir
mkdir -p "$SCRATCH/bin"
printf '%s\n' '#!/bin/sh' 'printf "%s\n" "$@"' >"$SCRATCH/bin/qemu-system-x86_64"
chmod +x "$SCRATCH/bin/qemu-system-x86_64"

run() {
	PATH="$SCRATCH/bin:$PATH" "$ROOT/pkg/testbed/qemu-tcg" "$@"
}

argv=$(run -m 2048 -enable-kvm -cpu host -drive file=a.img -cpu max)
! grep -qx -- '-enable-kvm' <<<"$argv" || fail "-enable-kvm handed on: $argv"
! grep -qx 'host' <<<"$argv" || fail "-cpu host handed on: $argv"
[ "$(grep -cx -- '-accel' <<<"$argv")" -eq 1 ] && grep -qx 'tcg,thread=multi' <<<"$argv" ||
	fail "not asked for TCG: $argv"
[ "$(tr '\n' ' ' <<<"$argv")" = "-m 2048 -drive file=a.img -cpu max -accel tcg,thread=multi " ] ||
	fail "other arguments changed: $argv"
echo "ok: qemu-tcg drops -enable-kvm and -cpu host, keeps the rest, runs TCG"
