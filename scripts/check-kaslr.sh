#!/bin/sh
# check-kaslr.sh [BOOTS]: module KASLR, switch off against on. Boots the
# built kernel BOOTS times (default 16) with module.large_pages=0 and as
# often with =1, loads the module set in its fixed order each time (then
# a BPF program, a kprobe and an ftrace trampoline, reported as the text of
# modules named bpf, kprobes and ftrace), and prints per module and region
# (text, rodata, data, ro_after_init) the number of distinct start
# addresses and of distinct distances to the first module's region. TAP
# lines, one per region with the switch on, go to $RESULTS/kaslr.tap; a
# region fails with fewer distinct addresses than a 10-bit random offset
# gives in nearly every run: fewer than 13 of 16 boots, fewer than
# BOOTS - 1 of fewer boots. With the switch on, the
# blocks each of text, rodata and data takes must also stay within
# ceil(bytes in use / 2 MiB) + 1 in every boot: placement must not cost
# packing. Exits non-zero on a failure.
. "$(dirname "$0")/lib.sh"

boots=${1:-16}
case $boots in '' | *[!0-9]*) die "usage: check-kaslr.sh [BOOTS]" ;; esac
[ "$boots" -ge 2 ] || die "check-kaslr.sh needs at least 2 boots"
need=$((boots - 1))
[ "$boots" -ge 16 ] && need=$((boots * 13 / 16))

mkdir -p "$RESULTS" "$LOGS"
: >"$RESULTS/kaslr.tap"
all=$RESULTS/kaslr-sections.txt
: >"$all"
# kaslr_boot SWITCH BOOT: one boot of the kaslr job with module.large_pages
# set to SWITCH; its output in $LOGS/kaslr-SWITCH-BOOT-kaslr.out.
kaslr_boot() {
	LOGNAME_PREFIX=kaslr-$1-$2- GUEST_TIMEOUT=${GUEST_TIMEOUT:-300} \
	GUEST_APPEND="${GUEST_APPEND:-} module.large_pages=$1" \
		"$TOP/scripts/boot-guest.sh" kaslr >"$LOGS/kaslr-boot.log" 2>&1
}

retries=0
t0=$(now)
step "module KASLR: $boots boots with module.large_pages=0, $boots with =1"
i=1
while [ "$i" -le "$boots" ]; do
	for sw in 0 1; do
		# A boot that fails is tried once more, and reported: dozens
		# of boots at random addresses under TCG meet the odd one that
		# dies before its console starts; twice in a row is a failure.
		if ! kaslr_boot "$sw" "$i"; then
			say "    boot $i (switch $sw) failed, trying once more:"
			sed 's/^/    | /' "$LOGS/kaslr-boot.log" | tail -n 5
			retries=$((retries + 1))
			kaslr_boot "$sw" "$i" ||
				{ cat "$LOGS/kaslr-boot.log"; die "KASLR boot $i (switch $sw) failed twice"; }
		fi
		out=$LOGS/kaslr-$sw-$i-kaslr.out
		! grep -q '^@error' "$out" || { grep '^@error' "$out"; die "KASLR boot $i (switch $sw): a module did not load"; }
		grep -q "^@switch $( [ $sw = 1 ] && echo Y || echo N)\$" "$out" ||
			die "KASLR boot $i: module.large_pages is not $sw in the guest"
		sed -n "s/^@\(order\|section\|blocks\) /$sw $i \1 /p" "$out" >>"$all"
	done
	say "    boot $i of $boots, off and on: done ($(elapsed "$t0"))"
	i=$((i + 1))
done

awk -v need="$need" -v boots="$boots" -v tap="$RESULTS/kaslr.tap" \
	-f "$TOP/scripts/kaslr-report.awk" "$all" >"$RESULTS/kaslr.txt"
st=$?
cat "$RESULTS/kaslr.txt"
say "# module KASLR check took $(elapsed "$t0"); boots tried again: $retries"
exit $st
