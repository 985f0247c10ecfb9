#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make autopkgtest's testbed never runs under KVM (a guest hangs at boot
# under KVM on these machines): the runner adds -enable-kvm, and -cpu host
# on AMD, whenever /dev/kvm exists; pkg/testbed/qemu-tcg, its --qemu-command,
# drops both and asks for TCG. Checked on the command line it hands on,
# with its console log.
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

# QEMU_CONSOLE_LOG: the first serial port (the console) gets a log file,
# the second (the runner's shell) is handed on as it was
argv=$(QEMU_CONSOLE_LOG=$SCRATCH/console.log run -serial unix:/r/ttyS0,server=on,wait=off \
	-serial unix:/r/ttyS1,server=on,wait=off)
want="-chardev socket,id=console0,path=/r/ttyS0,server=on,wait=off,logfile=$SCRATCH/console.log,logappend=on"
want="$want -serial chardev:console0 -serial unix:/r/ttyS1,server=on,wait=off -accel tcg,thread=multi "
[ "$(tr '\n' ' ' <<<"$argv")" = "$want" ] || fail "console log: $argv"
echo "ok: QEMU_CONSOLE_LOG logs the console, not the runner's shell"
