#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm/run-vm takes the verdict and the JSON report from the VM's second
# serial port, never from the console, where a kernel message can land in
# the middle of a line (seen on 4.15: "serial8250: too much work for irq4"
# inside the JSON). A QEMU stand-in on PATH plays the VM: it writes a
# console with a garbled report and a contradicting URT-EXIT, and a clean
# report to the file the second -serial names.
# shellcheck source=tests/vm/lib.sh
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/bin"
cat >"$work/bin/qemu-system-x86_64" <<'EOF'
#!/bin/bash
# stand-in for QEMU: the console on stdout, the report where -serial file: says
report=""
while [ $# -gt 0 ]; do
	case "$1" in
	-serial) case "$2" in file:*) report=${2#file:} ;; esac; shift ;;
	--version) echo "QEMU emulator version 0 (stand-in)"; exit 0 ;;
	esac
	shift
done
printf 'URT-BEGIN kernel=test cpus=2\r\n'
printf 'URT-JSON {"summary":{"exit":0},"scenarios":[{"scenario":"dnat-lo[  1.0] serial8250: too much work for irq4\r\n'
printf 'URT-EXIT 0\r\n'
if [ -n "$report" ] && [ "${STANDIN_REPORT:-yes}" = yes ]; then
	printf 'URT-JSON {"overall":{"verdict":"AFFECTED","exit":1},"scenarios":[{"scenario":"dnat-local","verdict":"AFFECTED"}]}\r\n' >"$report"
	printf 'URT-EXIT 1\r\n' >>"$report"
elif [ -n "$report" ] && [ "${STANDIN_REPORT}" = exit-only ]; then
	# a harness that died: exit 1, no report
	printf 'URT-EXIT 1\r\n' >"$report"
fi
exit 0
EOF
chmod +x "$work/bin/qemu-system-x86_64"
: >"$work/bzImage"
: >"$work/initrd"

rc=0
out=$(PATH="$work/bin:$PATH" "$ROOT/vm/run-vm" --accel tcg --timeout 20 --json "$work/r.json" \
	"$work/bzImage" "$work/initrd" -- --scenario all 2>&1) || rc=$?
[ "$rc" -eq 1 ] || fail "exit $rc: the verdict must come from the report port (1), not the console (0): $out"
echo "ok: the verdict is the report port's URT-EXIT, not the console's"
jq -e . "$work/r.json" >/dev/null 2>&1 || fail "--json is not valid JSON: $(cat "$work/r.json")"
[ "$(jq -r '.scenarios[0].verdict' "$work/r.json")" = AFFECTED ] || fail "--json is not the report port's"
echo "ok: --json is the report port's JSON, whole, though the console's copy is garbled"

rc=0
out=$(STANDIN_REPORT=no PATH="$work/bin:$PATH" "$ROOT/vm/run-vm" --accel tcg --timeout 20 \
	--json "$work/r2.json" "$work/bzImage" "$work/initrd" 2>&1) || rc=$?
[ "$rc" -eq 2 ] && grep -q 'without a result on its report port' <<<"$out" ||
	fail "no report: exit $rc, want 2 (ERROR): $out"
[ ! -e "$work/r2.json" ] || fail "no report, yet a JSON file was written"
echo "ok: nothing on the report port: ERROR, whatever the console says"

rc=0
out=$(STANDIN_REPORT=exit-only PATH="$work/bin:$PATH" "$ROOT/vm/run-vm" --accel tcg --timeout 20 \
	--json "$work/r3.json" "$work/bzImage" "$work/initrd" -- --scenario all 2>&1) || rc=$?
[ "$rc" -eq 2 ] && grep -q 'but its report does not say so' <<<"$out" ||
	fail "exit 1 without a report: exit $rc, want 2 (ERROR), never AFFECTED: $out"
echo "ok: a harness exit 1 without its report is ERROR, not AFFECTED"
echo "report port: 4 checks passed"
