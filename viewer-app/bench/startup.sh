#!/usr/bin/env bash
# Time from launching the JVM to the first painted frame of `vncstream --demo`, against the
# same for a trivial Swing frame (the reference: JVM and AWT start-up), in one run, alternating.
# Needs the shaded jar (mvn -o -B -pl viewer-app -am package -DskipTests) and an X display
# (run under xvfb-run -a -s "-screen 0 1600x1000x24" when there is none).
# Usage: viewer-app/bench/startup.sh [RUNS]   (default 7)
set -euo pipefail
JAR="$(cd "$(dirname "$0")/.." && pwd)/target/vncstream.jar"
RUNS="${1:-7}"
HOME_DIR="$(mktemp -d)"
trap 'rm -rf "$HOME_DIR"' EXIT

launch() { # prints milliseconds from exec to the reported first paint
  local start end line
  start=$(date +%s%3N)
  line=$(HOME="$HOME_DIR" timeout 60 java "$@" 2>/dev/null | grep -m1 '^first-paint-epoch-ms=')
  end=${line#first-paint-epoch-ms=}
  end=${end%% *}
  echo $((end - start))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ref=(); app=()
for i in $(seq "$RUNS"); do
  ref+=("$(launch -cp "$JAR" io.vncstream.viewer.bench.TrivialFrame)")
  app+=("$(launch -jar "$JAR" --demo --measure-startup)")
done
r=$(printf '%s\n' "${ref[@]}" | median)
a=$(printf '%s\n' "${app[@]}" | median)
echo "trivial Swing frame, launch to first paint (ms): ${ref[*]}  median $r"
echo "vncstream --demo, launch to first frame painted (ms): ${app[*]}  median $a"
awk -v a="$a" -v r="$r" 'BEGIN {printf "ratio vncstream/reference: %.2f; vncstream beyond the reference: %d ms\n", a / r, a - r}'
