#!/bin/sh
# configure-kernel.sh OBJDIR [FRAGMENT...]: write OBJDIR/.config as tinyconfig
# plus the fragments (merge_config.sh; default: $KERNEL_FRAGMENTS), then check that every option the
# fragments ask for really is set: merge_config drops unmet ones silently.
. "$(dirname "$0")/lib.sh"

obj=$1
[ -n "$obj" ] || die "usage: configure-kernel.sh OBJDIR [FRAGMENT...]"
shift
# shellcheck disable=SC2086
[ $# -gt 0 ] || set -- $KERNEL_FRAGMENTS
mkdir -p "$obj"
obj=$(cd "$obj" && pwd)
frags=
for f; do
	[ -r "$f" ] || die "no config fragment $f"
	frags="$frags $(cd "$(dirname "$f")" && pwd)/${f##*/}"
done
# shellcheck disable=SC2086
set -- $frags

# Same inputs as last time: keep the .config (and the build's timestamps).
sum=$( (git -C "$SRC" rev-parse HEAD; cat "$@") | sha256sum)
if [ -f "$obj/.config" ] && [ "$(cat "$obj/.config-inputs" 2>/dev/null)" = "$sum" ]; then
	exit 0
fi

step "configuring $obj from tinyconfig + $(for f; do printf '%s ' "${f##*/}"; done)"
cd "$SRC" || exit 1
make -s O="$obj" tinyconfig >"$obj/config.log" 2>&1 || die "make tinyconfig failed (see $obj/config.log)"
cp "$obj/.config" "$obj/tiny.config"
scripts/kconfig/merge_config.sh -m -O "$obj" "$obj/tiny.config" "$@" >>"$obj/config.log" 2>&1 ||
	die "merge_config.sh failed (see $obj/config.log)"
make -s O="$obj" olddefconfig >>"$obj/config.log" 2>&1 || die "make olddefconfig failed"

# An option several fragments ask for: the last one wins, as in
# merge_config.sh (configs/i386.config turns 64-bit options off).
for frag; do
	sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)$/\1 \2/p' \
		-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1 n/p' "$frag" |
	while read -r opt val; do
		printf '%s %s %s\n' "$opt" "${frag##*/}" "$val"
	done
done | awk '!($1 in want) { order[++n] = $1 } { want[$1] = $0 }
	END { for (i = 1; i <= n; i++) print want[order[i]] }' |
while read -r opt frag val; do
	got=$(sed -n -e "s/^$opt=\(.*\)$/\1/p" -e "s/^# $opt is not set$/n/p" "$obj/.config")
	# RELAXED: options the tree does not know yet (a series prefix).
	[ -z "$got" ] && [ -n "${RELAXED:-}" ] && continue
	[ -n "$got" ] || got=n
	if [ "$got" != "$val" ]; then
		say "    $frag: $opt=$val requested, .config has $opt=$got"
		echo bad
	fi
done >"$obj/config.check"
if grep -q '^bad$' "$obj/config.check"; then
	grep -v '^bad$' "$obj/config.check"
	die "requested options did not stick (missing dependencies?)"
fi
printf '%s\n' "$sum" >"$obj/.config-inputs"
