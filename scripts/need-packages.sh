#!/bin/sh
# need-packages.sh PKG...: make sure these Debian packages are installed.
# As root, missing ones are installed with apt-get; otherwise the exact
# apt-get line is printed and the run stops.
. "$(dirname "$0")/lib.sh"

missing=
for p in "$@"; do
	# A package may carry a version: name=version.
	name=${p%%=*}
	want=${p#"$name"}
	want=${want#=}
	have=$(dpkg-query -W -f '${db:Status-Abbrev}${Version}' "$name" 2>/dev/null)
	case $have in
	ii*) [ -z "$want" ] || [ "${have#ii?}" = "$want" ] && continue ;;
	esac
	missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	say "missing Debian packages; install them with:"
	say "  sudo apt-get install -y$missing"
	exit 1
fi

step "installing Debian packages:$missing"
# A fresh machine has no package lists yet: update once when a name is unknown.
for p in $missing; do
	if ! apt-cache show "${p%%=*}" >/dev/null 2>&1; then
		apt-get update -q >/dev/null || die "apt-get update failed"
		break
	fi
done
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing \
	>"${TMPDIR:-/tmp}/need-packages.log" 2>&1 ||
	{ tail -n 20 "${TMPDIR:-/tmp}/need-packages.log"; die "apt-get install failed for:$missing"; }
