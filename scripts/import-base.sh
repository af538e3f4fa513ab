#!/bin/sh
# import-base.sh: unpack Debian's linux-source-6.12 (the version in BASE_VERSION)
# into build/tree and import it as one git commit, tagged "base".
# Re-running is cheap: an existing import of the same version is kept.
. "$(dirname "$0")/lib.sh"

want=$(sed -n '1{s/[[:space:]]//g;p;}' "$TOP/BASE_VERSION")
case $want in
6.12.*) ;;
*) die "BASE_VERSION says '$want': not a Debian linux-source-6.12 version" ;;
esac

# The recorded version when the archive still has it, else the newest 6.12.y.
have=$(dpkg-query -W -f '${Version}' linux-source-6.12 2>/dev/null)
if [ "$have" != "$want" ]; then
	if "$TOP/scripts/need-packages.sh" "linux-source-6.12=$want" 2>/dev/null; then
		:
	else
		say "WARNING: linux-source-6.12 $want is not available; using the newest 6.12.y"
		"$TOP/scripts/need-packages.sh" linux-source-6.12 ||
			die "cannot install linux-source-6.12"
	fi
	have=$(dpkg-query -W -f '${Version}' linux-source-6.12)
	[ "$have" = "$want" ] ||
		say "WARNING: base is linux-source-6.12 $have, not the recorded $want"
fi

tarball=/usr/src/linux-source-6.12.tar.xz
[ -r "$tarball" ] || die "$tarball is missing: reinstall linux-source-6.12"

if [ "$(git -C "$TREE" tag -l --format='%(contents:subject)' base 2>/dev/null)" = \
     "linux-source-6.12 $have" ]; then
	exit 0
fi

t0=$(now)
step "importing linux-source-6.12 $have into $TREE (about a minute)"
rm -rf "$TREE" "$SRC"
mkdir -p "$TREE"
tar -xJf "$tarball" -C "$TREE" --strip-components=1 || die "cannot unpack $tarball"

# Debian's top-level .gitignore ends with a block that ignores every top-level
# entry; in a git work tree that would hide the series' new files. Drop it.
sed -i -e '/^# Debian packaging/,$d' "$TREE/.gitignore"
sed -i -e '${/^#$/d;}' "$TREE/.gitignore"

cd "$TREE" || exit 1
git init -q -b series
git config core.compression 1
git config user.name "${GIT_AUTHOR_NAME:-Module Alloc Developers}"
git config user.email "${GIT_AUTHOR_EMAIL:-module-alloc@lists.example.org}"
git add -A -f . || die "git add failed"
GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
	git commit -q -m "linux-source-6.12 $have" \
	-m "Debian's linux-source-6.12 package, version $have, unpacked as is except
for the Debian packaging block at the end of the top-level .gitignore." ||
	die "git commit of the base failed"
git tag -a -m "linux-source-6.12 $have" base
say "    imported base $(git rev-parse --short HEAD) in $(elapsed "$t0")"
