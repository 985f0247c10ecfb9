#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every packaged module (linux-modules and linux-modules-extra) carries a signature (modinfo: signer, sha512), made
# by the key whose certificate the kernel build embedded.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

scratch_dir
unpack "linux-modules-$KVER" "$SCRATCH/m"
dpkg-deb -x "$(deb_path "linux-modules-extra-$KVER")" "$SCRATCH/m"
mapfile -t kos < <(find "$SCRATCH/m/lib/modules/$KVER" -name '*.ko' | sort)
[ "${#kos[@]}" -ge 10 ] || fail "only ${#kos[@]} modules packaged"

cert_cn=$(openssl x509 -inform DER -in "$BUILD/linux/debian/build/build-$FLAVOUR/certs/signing_key.x509" \
	-noout -subject -nameopt multiline | sed -n 's/^ *commonName *= *//p')
[ -n "$cert_cn" ] || fail "no module-signing certificate in the build"
for ko in "${kos[@]}"; do
	signer=$(/sbin/modinfo -F signer "$ko")
	algo=$(/sbin/modinfo -F sig_hashalgo "$ko")
	[ "$signer" = "$cert_cn" ] || fail "$(basename "$ko"): signer '$signer', not '$cert_cn'"
	[ "$algo" = sha512 ] || fail "$(basename "$ko"): hash '$algo', not sha512"
done
echo "ok: ${#kos[@]} modules signed by '$cert_cn' (sha512)"

# and the check sees a module without one: objcopy rewrites the ELF and
# drops the appended signature (why Ubuntu re-signs after debuglinking)
objcopy "${kos[0]}" "$SCRATCH/bare.ko"
[ -z "$(/sbin/modinfo -F signer "$SCRATCH/bare.ko")" ] || fail "modinfo finds a signer in an unsigned module"
echo "ok: the same module without its signature shows no signer"
