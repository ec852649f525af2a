#!/usr/bin/env bash
# Time from launch to the first frame (and, for vncstream, to the device list) of a libvirt
# domain's window: `vncstream --connect URI DOMAIN` against `virt-viewer --connect URI DOMAIN`
# (the reference), alternating, in one run, under an X display; locally and over SSH.
# vncstream reports its own first paint (--measure-startup); virt-viewer, in kiosk mode so that
# its window is only the guest's screen, is seen when the X root first shows the guest's text
# (more than 8 colours, polled with xwd and ImageMagick: the poll's own time, the resolution of
# virt-viewer's numbers, is printed too; a small screen such as 1024x768x24 keeps it short).
# Needs the shaded jar (mvn -o -B -pl viewer-app -am package -DskipTests), a running domain,
# and for SSH a URI that both clients can use, e.g.
#   qemu+ssh://root@127.0.0.1:2222/system  with VNCSTREAM_SSH_HOME=DIR (DIR/.ssh: key, known_hosts)
#   and VIRT_VIEWER_URI=qemu+ssh://root@127.0.0.1:2222/system?keyfile=DIR/.ssh/id_ed25519&no_verify=1
# VNCSTREAM_BASELINE_JAR=FILE (an older build's shaded jar) runs that one too, in the same rounds,
# for a before/after comparison in one run.
# Usage: viewer-app/bench/libvirt-startup.sh URI DOMAIN [RUNS]   (default 5)
set -euo pipefail
JAR="$(cd "$(dirname "$0")/.." && pwd)/target/vncstream.jar"
BASE_JAR="${VNCSTREAM_BASELINE_JAR:-}"
URI=$1; DOMAIN=$2; RUNS="${3:-5}"
VV_URI="${VIRT_VIEWER_URI:-$URI}"
HOME_DIR="$(mktemp -d)"
trap 'rm -rf "$HOME_DIR"' EXIT
JOPTS=()
if [ -n "${VNCSTREAM_SSH_HOME:-}" ]; then JOPTS+=("-Dvncstream.ssh.home=$VNCSTREAM_SSH_HOME" "-Dvncstream.ssh.agent=none"); fi

colours() { xwd -root -silent 2>/dev/null | convert xwd:- -format %k info: 2>/dev/null || echo 0; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

vncstream_run() { # [JAR] prints "FRAME_MS DEVICES_MS"
  local start out frame devices
  start=$(date +%s%3N)
  out=$(HOME="$HOME_DIR" timeout 90 java "${JOPTS[@]}" -jar "${1:-$JAR}" --connect "$URI" "$DOMAIN" --measure-startup 2>/dev/null)
  frame=$(echo "$out" | sed -n 's/^first-paint-epoch-ms=\([0-9]*\).*/\1/p' | head -1)
  devices=$(echo "$out" | sed -n 's/^devices-listed-epoch-ms=\([0-9]*\).*/\1/p' | head -1)
  echo "$((frame - start)) $((devices - start))"
}

virt_viewer_run() { # prints FRAME_MS
  local start pid end
  start=$(date +%s%3N)
  HOME="$HOME_DIR" virt-viewer --connect "$VV_URI" --kiosk "$DOMAIN" >/dev/null 2>&1 &
  pid=$!
  until [ "$(colours)" -gt 8 ]; do
    if [ $(( $(date +%s%3N) - start )) -gt 60000 ]; then echo "virt-viewer showed nothing in 60 s" >&2; break; fi
  done
  end=$(date +%s%3N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  sleep 1
  echo $((end - start))
}

poll_start=$(date +%s%3N); for i in 1 2 3 4 5; do colours >/dev/null; done
poll_ms=$(( ($(date +%s%3N) - poll_start) / 5 ))

vf=(); vd=(); vv=(); bf=(); bd=()
for i in $(seq "$RUNS"); do
  read -r f d <<<"$(vncstream_run)"; vf+=("$f"); vd+=("$d")
  vv+=("$(virt_viewer_run)")
  if [ -n "$BASE_JAR" ]; then read -r f d <<<"$(vncstream_run "$BASE_JAR")"; bf+=("$f"); bd+=("$d"); fi
done
mf=$(printf '%s\n' "${vf[@]}" | median); md=$(printf '%s\n' "${vd[@]}" | median); mv=$(printf '%s\n' "${vv[@]}" | median)
echo "URI $URI domain $DOMAIN, $RUNS runs each (one screen poll takes ~${poll_ms} ms)"
echo "virt-viewer --connect, launch to first frame (ms): ${vv[*]}  median $mv"
echo "vncstream --connect, launch to first frame (ms): ${vf[*]}  median $mf"
echo "vncstream --connect, launch to device list (ms): ${vd[*]}  median $md"
awk -v a="$mf" -v r="$mv" 'BEGIN {printf "ratio first frame vncstream/virt-viewer: %.2f\n", a / r}'
if [ -n "$BASE_JAR" ]; then
  mbf=$(printf '%s\n' "${bf[@]}" | median); mbd=$(printf '%s\n' "${bd[@]}" | median)
  echo "baseline $BASE_JAR, launch to first frame (ms): ${bf[*]}  median $mbf"
  echo "baseline, launch to device list (ms): ${bd[*]}  median $mbd"
  awk -v a="$mbf" -v r="$mv" 'BEGIN {printf "ratio first frame baseline/virt-viewer: %.2f\n", a / r}'
fi
