#!/bin/sh
# check-distro.sh: what a distribution builder does. Take Debian's amd64
# config (linux-config-6.12), turn on the series' option(s) from
# configs/series.config, and compile every C file the series changes and
# all of kernel/module/ (build/obj-distro). TAP; ends with "N passed, N failed".
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/need-packages.sh" linux-config-6.12 || exit 1
"$TOP/scripts/apply-series.sh" || exit 1
config=/usr/src/linux-config-6.12/config.amd64_none_amd64.xz
[ -r "$config" ] || die "$config is missing: reinstall linux-config-6.12"
obj=$BUILD/obj-distro
log=$obj/build.log
mkdir -p "$obj"

t0=$(now)
echo "TAP version 13"
xz -dc "$config" >"$obj/.config"
# Debian points these at files that are not in the source package.
"$SRC/scripts/config" --file "$obj/.config" --set-str SYSTEM_TRUSTED_KEYS "" \
	--set-str SYSTEM_REVOCATION_KEYS "" \
	--set-str MODULE_SIG_KEY certs/signing_key.pem
sed -n 's/^CONFIG_\([A-Za-z0-9_]*\)=y$/\1/p' "$TOP/configs/series.config" |
while read -r opt; do
	"$SRC/scripts/config" --file "$obj/.config" --enable "$opt"
done
make -s -C "$SRC" O="$obj" olddefconfig >"$log" 2>&1 || die "olddefconfig failed (see $log)"

n=0
fail=0
missing=$(sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=y$/\1/p' "$TOP/configs/series.config" |
	while read -r opt; do grep -q "^$opt=y" "$obj/.config" || echo "$opt"; done)
n=$((n + 1))
if [ -z "$missing" ]; then
	echo "ok $n distro_config_takes_the_series_options"
else
	echo "not ok $n distro_config_takes_the_series_options # not set: $missing"
	fail=$((fail + 1))
fi

# What the series changes: its C files, each compiled on its own, and the
# whole of kernel/module/ (the loader, all of it fed by the changed headers).
# Whole directories (mm/, kernel/trace/ too) took 395 s with a cold ccache.
objs=$(git -C "$SRC" diff --name-only base HEAD -- '*.c' | grep -v '^tools/' |
	grep -v '^kernel/module/' | sed 's|\.c$|.o|' | sort -u)
targets="kernel/module/ $objs"
build_slot
step "compiling $(echo $targets) with Debian's amd64 config (minutes with a cold ccache)" >&2
n=$((n + 1))
# shellcheck disable=SC2086
if make -C "$SRC" O="$obj" -j"$JOBS" CC="ccache gcc" prepare $targets >>"$log" 2>&1 &&
   ! grep -q ': warning:' "$log"; then
	echo "ok $n distro_config_compiles_touched_files_without_warnings"
else
	grep -E ': (warning|error):' "$log" | head -n 10 | sed 's/^/# /'
	echo "not ok $n distro_config_compiles_touched_files_without_warnings # see $log"
	fail=$((fail + 1))
fi
echo "1..$n"
echo "# distro check took $(elapsed "$t0")"
echo "$((n - fail)) passed, $fail failed"
[ "$fail" = 0 ]
