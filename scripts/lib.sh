# Shared helpers for the harness scripts. Source it; do not run it.
# shellcheck shell=sh

# Where everything generated lives (ignored by git).
: "${TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$TOP/build}"
: "${TREE:=$BUILD/tree}"
: "${SRC:=$BUILD/src}"
: "${OBJ:=$BUILD/obj}"
: "${MODROOT:=$BUILD/modroot}"
: "${LOGS:=$BUILD/logs}"
: "${RESULTS:=$BUILD/results}"
: "${JOBS:=$(nproc)}"
# The guest kernel's config: tinyconfig plus these fragments.
: "${KERNEL_FRAGMENTS:=$TOP/configs/guest.config $TOP/configs/features.config $TOP/configs/modules.config $TOP/configs/series.config}"

say() { printf '%s\n' "$*"; }
step() { printf '>>> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# now: seconds since the epoch, for step timings.
now() { date +%s; }

# elapsed START: "12s" since START.
elapsed() { printf '%ss' "$(( $(now) - $1 ))"; }

# build_slot: the ccache settings of every build, and one kernel build at a
# time on this machine (2 cores): the caller waits here for its turn.
build_slot() {
	export CCACHE_BASEDIR="$TOP" CCACHE_NOHASHDIR=true CCACHE_COMPILERCHECK=content
	mkdir -p "$BUILD"
	exec 9>"$BUILD/.build.lock"
	flock 9
}
