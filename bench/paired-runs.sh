#!/bin/sh
# Times two commands in turn (A B A B ...), whole processes, with /usr/bin/time, and prints the median wall and CPU
# seconds of each and the median of the pair-by-pair ratios A/B. Pairing keeps the ratio meaningful when the
# machine's speed drifts during the runs. One unrecorded warm-up run of each comes first.
#
#   bench/paired-runs.sh [-n PAIRS] 'COMMAND A' 'COMMAND B'
#
# Each command is one string, run by sh -c, its output thrown away. Needs /usr/bin/time (apt-get install time).
set -eu

pairs=10
if [ "${1:-}" = -n ]; then
    pairs=$2
    shift 2
fi
if [ $# -ne 2 ]; then
    echo "usage: bench/paired-runs.sh [-n PAIRS] 'COMMAND A' 'COMMAND B'" >&2
    exit 2
fi
a=$1
b=$2
times=$(mktemp)
trap 'rm -f "$times"' EXIT

run() { # label command
    /usr/bin/time -f "$1 %e %U %S" -a -o "$times" sh -c "$2" >/dev/null 2>&1 || true
}

sh -c "$a" >/dev/null 2>&1 || true
sh -c "$b" >/dev/null 2>&1 || true
i=0
while [ "$i" -lt "$pairs" ]; do
    run A "$a"
    run B "$b"
    i=$((i + 1))
done

awk '
    function median(values, n,    i, j, t) {
        for (i = 2; i <= n; i++) { t = values[i]; for (j = i - 1; j >= 1 && values[j] > t; j--) values[j + 1] = values[j]; values[j + 1] = t }
        return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    $1 == "A" { na++; aw[na] = $2; ac[na] = $3 + $4 }
    $1 == "B" { nb++; bw[nb] = $2; bc[nb] = $3 + $4; r[nb] = bw[nb] > 0 ? aw[nb] / bw[nb] : 0 }
    END {
        printf "A: median wall %.3f s, cpu %.3f s (%d runs)\n", median(aw, na), median(ac, na), na
        printf "B: median wall %.3f s, cpu %.3f s (%d runs)\n", median(bw, nb), median(bc, nb), nb
        printf "A/B wall, median of the pairs: %.2fx\n", median(r, nb)
    }' "$times"
