#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Ubuntu's checks on made-up inputs: prev-abi picks the newest previous
# ABI (sort -V); abi-check reports MISS, CHANGE (CRC, GPL-only), NEW and
# MOVE, fails within one ABI and only warns across a bump; module-check
# fails on a module gone unless modules.ignore lists it; retpoline-check
# skips a tree without Ubuntu's tooling and fails on an unsafe indirect
# branch the previous list lacks.
. "$(dirname "$0")/lib.sh"
S=$ROOT/selftest/packaging/debian/scripts

scratch_dir
abi=$SCRATCH/abi
mkdir -p "$abi/4.15.0-9.10/amd64" "$abi/4.15.0-40.43/amd64" "$abi/4.15.0-41.44/arm64"
touch "$abi/4.15.0-9.10/amd64/generic" "$abi/4.15.0-41.44/arm64/generic"
prev=$abi/4.15.0-40.43/amd64
printf '%s\n' 'EXPORT_SYMBOL vmlinux 0x11111111	keep_me' \
	'EXPORT_SYMBOL net/netfilter/nf_conntrack 0x22222222	crc_changes' \
	'EXPORT_SYMBOL vmlinux 0x33333333	goes_gpl' \
	'EXPORT_SYMBOL vmlinux 0x44444444	goes_away' \
	'EXPORT_SYMBOL_GPL net/netfilter/nf_nat 0x55555555	moves' >"$prev/generic"
[ "$("$S/prev-abi" "$abi" amd64 generic)" = "$prev" ] || fail "prev-abi: $("$S/prev-abi" "$abi" amd64 generic)"
[ -z "$("$S/prev-abi" "$abi" amd64 lowlatency)" ] || fail "prev-abi found a flavour that is not there"
echo "ok: prev-abi: 4.15.0-40.43 before 4.15.0-9.10, per arch and flavour"

# Module.symvers: crc, symbol, module, type
symvers() {
	printf '%s\t%s\t%s\t%s\n' "$@"
}
{
	symvers 0x11111111 keep_me vmlinux EXPORT_SYMBOL
	symvers 0x99999999 crc_changes net/netfilter/nf_conntrack EXPORT_SYMBOL
	symvers 0x33333333 goes_gpl vmlinux EXPORT_SYMBOL_GPL
	symvers 0x55555555 moves net/netfilter/nf_conntrack EXPORT_SYMBOL_GPL
	symvers 0x66666666 brand_new vmlinux EXPORT_SYMBOL
} >"$SCRATCH/Module.symvers"
rc=0
out=$("$S/abi-check" generic 40 "$prev" "$SCRATCH/Module.symvers") || rc=$?
echo "$out"
[ "$rc" -eq 1 ] || fail "abi-check within ABI 40 exited $rc, want 1"
for want in "MISS goes_away vmlinux EXPORT_SYMBOL" "CHANGE crc_changes crc 0x22222222 -> 0x99999999" \
	"CHANGE goes_gpl type EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL" "NEW brand_new vmlinux EXPORT_SYMBOL" \
	"MOVE moves net/netfilter/nf_nat -> net/netfilter/nf_conntrack" "EE: abi-check generic: 3 symbols"; do
	grep -qF -- "$want" <<<"$out" || fail "abi-check does not say: $want"
done
echo "ok: abi-check fails on MISS and CHANGE within one ABI"
out=$("$S/abi-check" generic 42 "$prev" "$SCRATCH/Module.symvers") || fail "abi-check across a bump failed"
grep -q "WW: abi-check generic: 3 symbols gone or changed, but the ABI number changed (40 -> 42)" <<<"$out" ||
	fail "no warning across the bump: $out"
echo "ok: abi-check only warns across an ABI bump"
out=$("$S/abi-check" generic 40 "" "$SCRATCH/Module.symvers") || fail "abi-check without a previous ABI failed"
grep -q "no previous ABI" <<<"$out" || fail "abi-check without a previous ABI: $out"
grep -v goes_away "$prev/generic" | sed 's/0x22222222/0x99999999/; s/^EXPORT_SYMBOL vmlinux 0x33333333/EXPORT_SYMBOL_GPL vmlinux 0x33333333/' \
	>"$SCRATCH/same"
mkdir -p "$SCRATCH/same-abi/4.15.0-40.43/amd64"
cp "$SCRATCH/same" "$SCRATCH/same-abi/4.15.0-40.43/amd64/generic"
"$S/abi-check" generic 40 "$SCRATCH/same-abi/4.15.0-40.43/amd64" "$SCRATCH/Module.symvers" | grep -q "abi-check generic: passed" ||
	fail "abi-check fails with only NEW and MOVE"
echo "ok: abi-check passes with additions and moves only"
"$S/abi-check" --compare "$SCRATCH/Module.symvers" "$SCRATCH/Module.symvers" | grep -qx "ABI: unchanged (5 exported symbols)" ||
	fail "--compare of one file with itself"
head -n 3 "$SCRATCH/Module.symvers" >"$SCRATCH/fewer"
out=$("$S/abi-check" --compare "$SCRATCH/Module.symvers" "$SCRATCH/fewer")
grep -q "^ABI: 2 differences" <<<"$out" && grep -q "MISS brand_new" <<<"$out" || fail "--compare: $out"
echo "ok: abi-check --compare: unchanged, or the list"

printf '%s\n' veth nf_conntrack nf_nat zfs >"$prev/generic.modules"
printf '%s\n' veth nf_conntrack nf_nat_new >"$SCRATCH/modules"
rc=0
out=$("$S/module-check" generic "$prev" "$SCRATCH/modules") || rc=$?
[ "$rc" -eq 1 ] && grep -q "MISS nf_nat$" <<<"$out" && grep -q "NEW  nf_nat_new" <<<"$out" ||
	fail "module-check with nf_nat gone (exit $rc): $out"
printf 'zfs\nnf_nat\n' >"$abi/4.15.0-40.43/modules.ignore"
out=$("$S/module-check" generic "$prev" "$SCRATCH/modules") || fail "module-check fails on ignored modules: $out"
grep -q "MISS nf_nat (ignored)" <<<"$out" || fail "module-check does not say what it ignored"
echo "ok: module-check fails on a module gone, unless modules.ignore lists it"

kdir=$SCRATCH/build src=$SCRATCH/src
mkdir -p "$kdir/arch/x86/kernel" "$kdir/arch/x86/boot" "$src/scripts"
echo 'CONFIG_RETPOLINE=y' >"$kdir/.config"
out=$("$S/retpoline-check" generic "$prev" "$kdir" "$src" "$SCRATCH/rp") || fail "retpoline-check without tooling failed"
grep -q "skipped: this tree has no retpoline tooling" <<<"$out" || fail "retpoline-check without tooling: $out"
touch "$src/scripts/ubuntu-retpoline-extract-one"
echo "arch/x86/kernel/a.o-.text-10 $src/arch/x86/kernel/a.S .text f jmp *%rax" >"$kdir/arch/x86/kernel/a.o.ur-detected"
echo "arch/x86/kernel/a.o-.text-20 $src/arch/x86/kernel/a.S .text g call *%rbx" >>"$kdir/arch/x86/kernel/a.o.ur-detected"
echo "arch/x86/kernel/a.o-.text-20" >"$kdir/arch/x86/kernel/a.o.ur-safe"
echo "arch/x86/boot/b.o-.text-1 $src/arch/x86/boot/b.S .text h jmp *%ax" >"$kdir/arch/x86/boot/b.o.ur-detected"
rc=0
out=$("$S/retpoline-check" generic "$prev" "$kdir" "$src" "$SCRATCH/rp") || rc=$?
[ "$rc" -eq 1 ] || fail "retpoline-check with a new unsafe branch exited $rc: $out"
[ "$(cat "$SCRATCH/rp")" = "arch/x86/kernel/a.S .text f jmp *%rax" ] || fail "retpoline list: $(cat "$SCRATCH/rp")"
cp "$SCRATCH/rp" "$prev/generic.retpoline"
"$S/retpoline-check" generic "$prev" "$kdir" "$src" "$SCRATCH/rp" | grep -q "retpoline-check generic: passed" ||
	fail "retpoline-check fails on a branch the previous list has"
echo "ok: retpoline-check: safe and boot-code branches left out, a new one fails, a known one passes"
