#!/usr/bin/env bash
# Time from launching the JVM to the first painted frame of `vncstream --demo`, against the
# same for a trivial Swing frame (the reference: JVM and AWT start-up), in one run, alternating.
# Needs the shaded jar (mvn -o -B -pl viewer-app -am package -DskipTests) and an X display
# (run under xvfb-run -a -s "-screen 0 1600x1000x24" when there is none).
# VNCSTREAM_BASELINE_JAR=FILE (an older build's shaded jar) runs that one too, in the same rounds,
# for a before/after comparison in one run. VNCSTREAM_CDS=1 runs each jar as the .deb does, from a
# dynamic AppCDS archive of its own (-XX:ArchiveClassesAtExit, one training run of the demo first).
# Usage: viewer-app/bench/startup.sh [RUNS]   (default 7)
set -euo pipefail
JAR="$(cd "$(dirname "$0")/.." && pwd)/target/vncstream.jar"
BASE_JAR="${VNCSTREAM_BASELINE_JAR:-}"
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

cds() { # JAR: the options that map its archive (made now), or none
  [ "${VNCSTREAM_CDS:-}" = 1 ] || return 0
  local archive="$HOME_DIR/$(basename "$1").$(stat -c %Y "$1").jsa"
  HOME="$HOME_DIR" timeout 60 java -XX:ArchiveClassesAtExit="$archive" -jar "$1" --demo --measure-startup >/dev/null 2>&1 || true
  echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
}
read -r -a app_cds <<<"$(cds "$JAR")"
base_cds=()
[ -n "$BASE_JAR" ] && read -r -a base_cds <<<"$(cds "$BASE_JAR")"

ref=(); app=(); base=()
for i in $(seq "$RUNS"); do
  ref+=("$(launch -cp "$JAR" io.vncstream.viewer.bench.TrivialFrame)")
  app+=("$(launch "${app_cds[@]}" -jar "$JAR" --demo --measure-startup)")
  if [ -n "$BASE_JAR" ]; then base+=("$(launch "${base_cds[@]}" -jar "$BASE_JAR" --demo --measure-startup)"); fi
done
r=$(printf '%s\n' "${ref[@]}" | median)
a=$(printf '%s\n' "${app[@]}" | median)
echo "trivial Swing frame, launch to first paint (ms): ${ref[*]}  median $r"
echo "vncstream --demo, launch to first frame painted (ms): ${app[*]}  median $a"
awk -v a="$a" -v r="$r" 'BEGIN {printf "ratio vncstream/reference: %.2f; vncstream beyond the reference: %d ms\n", a / r, a - r}'
if [ -n "$BASE_JAR" ]; then
  b=$(printf '%s\n' "${base[@]}" | median)
  echo "baseline $BASE_JAR --demo, launch to first frame painted (ms): ${base[*]}  median $b"
  awk -v a="$b" -v r="$r" 'BEGIN {printf "ratio baseline/reference: %.2f\n", a / r}'
fi
