#!/bin/sh
# configure-distro-kernel.sh OBJDIR: OBJDIR/.config as a distribution builder
# would write it: Debian's amd64 config (linux-config-6.12) with the series'
# options from configs/series.config, modules signed at build time with a
# throwaway key (MODULE_SIG_ALL; the key is generated in OBJDIR/certs) and
# xz-compressed as Debian ships them, and the modules reduced to those of
# configs/distro-modules.list (make localmodconfig). Two departures, both
# named in README.md: no debug info (DWARF and BTF double the build time)
# and PTDUMP_DEBUGFS for the page-table report.
. "$(dirname "$0")/lib.sh"

obj=$1
[ -n "$obj" ] || die "usage: configure-distro-kernel.sh OBJDIR"
config=/usr/src/linux-config-6.12/config.amd64_none_amd64.xz
list=$TOP/configs/distro-modules.list
[ -r "$config" ] || die "$config is missing: apt-get install linux-config-6.12"
mkdir -p "$obj"
obj=$(cd "$obj" && pwd)
log=$obj/config.log

sum=$( (git -C "$SRC" rev-parse HEAD; cat "$list" "$TOP/configs/series.config" "$0"; xz -dc "$config") |
	sha256sum)
[ -f "$obj/.config" ] && [ "$(cat "$obj/.config-inputs" 2>/dev/null)" = "$sum" ] && exit 0

step "configuring ${obj#"$TOP"/} from Debian's amd64 config, $(sed -e 's/#.*//' "$list" | wc -w) modules listed"
xz -dc "$config" >"$obj/.config"
cfg() { "$SRC/scripts/config" --file "$obj/.config" "$@"; }
# Debian points these at files that are not in the source package.
cfg --set-str SYSTEM_TRUSTED_KEYS "" --set-str SYSTEM_REVOCATION_KEYS "" \
	--set-str MODULE_SIG_KEY certs/signing_key.pem --enable MODULE_SIG_ALL \
	--disable DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT --disable DEBUG_INFO_DWARF4 \
	--disable DEBUG_INFO_DWARF5 --enable DEBUG_INFO_NONE --enable PTDUMP_DEBUGFS
for opt in $(sed -n 's/^CONFIG_\([A-Za-z0-9_]*\)=y$/\1/p' "$TOP/configs/series.config"); do
	cfg --enable "$opt"
done
make -C "$SRC" O="$obj" olddefconfig >"$log" 2>&1 || die "olddefconfig failed (see $log)"

# localmodconfig reads lsmod's output: a header line, then a module a line.
lsmod=$obj/distro-modules.lsmod
{ echo "Module Size Used by"; sed -e 's/#.*//' "$list" | tr ' ' '\n' | sed '/^$/d; s/$/ 16384 0/'; } >"$lsmod"
make -C "$SRC" O="$obj" LSMOD="$lsmod" localmodconfig >>"$log" 2>&1 ||
	die "localmodconfig failed (see $log)"

for want in MODULE_LARGE_PAGES=y MODULE_SIG=y MODULE_SIG_ALL=y MODULE_COMPRESS_XZ=y \
	PTDUMP_DEBUGFS=y DEBUG_WX=y; do
	grep -q "^CONFIG_$want\$" "$obj/.config" || die "CONFIG_$want did not stick (see $log)"
done
printf '%s\n' "$sum" >"$obj/.config-inputs"
say "    $(grep -c '=m$' "$obj/.config") options as modules, $(grep -c '=y$' "$obj/.config") built in"
