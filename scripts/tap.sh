# TAP helpers for the check scripts: source it after lib.sh; do not run it.
# tap_begin NAME first: the lines go to $RESULTS/NAME.tap.
# shellcheck shell=sh

# tap_begin NAME: start an empty $RESULTS/NAME.tap and zero the counters.
tap_begin() {
	tap=$RESULTS/$1.tap
	mkdir -p "$RESULTS"
	: >"$tap"
	n=0
	pass=0
	skip=0
	fail=0
}

# result STATUS NAME [COMMENT]: record and print one TAP line; STATUS is 0
# (pass), skip, or anything else (fail).
result() {
	n=$((n + 1))
	case $1 in
	0) line="ok $n $2${3:+ # $3}" pass=$((pass + 1)) ;;
	skip) line="ok $n $2 # SKIP${3:+ $3}" skip=$((skip + 1)) ;;
	*) line="not ok $n $2${3:+ # $3}" fail=$((fail + 1)) ;;
	esac
	printf '%s\n' "$line" | tee -a "$tap"
}

# guest_tap FILE [PREFIX]: re-number a guest's TAP lines into ours, each
# name prefixed with PREFIX.
guest_tap() {
	sed -n 's/^\(not ok\|ok\) [0-9]* \(.*\)$/\1|\2/p' "$1" >"$1.lines" 2>/dev/null
	while IFS='|' read -r st rest; do
		case $st:$rest in
		ok:*"# SKIP"*) why=${rest#*# SKIP}; result skip "${2:-}${rest%% # SKIP*}" "${why# }" ;;
		ok:*) result 0 "${2:-}$rest" ;;
		*) result 1 "${2:-}$rest" ;;
		esac
	done <"$1.lines"
}
