#!/bin/sh
# cover-description.sh COVER.patch: print the cover letter's subject and body
# (without the generated shortlog and diffstat) as a branch description:
# first line the subject, a blank line, then the body.
[ -r "$1" ] || { echo "usage: cover-description.sh COVER.patch" >&2; exit 2; }
awk '
	/^Subject: / && !subj {
		s = $0; sub(/^Subject: (\[[^]]*\] )?/, "", s); subj = 1; next
	}
	subj && !body && /^ / { s = s $0; next }
	subj && !body && /^$/ { body = 1; print s; print ""; next }
	body && /^[^ ].* \([0-9]+\):$/ { exit }
	body { lines[++n] = $0 }
	END {
		while (n > 0 && lines[n] == "") n--
		for (i = 1; i <= n; i++) print lines[i]
	}
' "$1"
