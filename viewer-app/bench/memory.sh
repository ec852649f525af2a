#!/usr/bin/env bash
# Memory of the viewer showing a 1920x1080 desktop with four open consoles: a real Xvnc at
# 1920x1080 behind the vncstream gateway, which offers four devices (log files of 200 KB each,
# so every console holds a full backlog replay). The viewer opens the four consoles, waits
# 3 s, runs the GC and prints heap and RSS (hidden option --measure-memory). The reference is
# the same viewer on the same desktop with no console open, run first by this script.
# Needs both shaded jars (mvn -o -B -pl viewer-app -am package -DskipTests), Xvnc (Debian
# package tigervnc-standalone-server) and an X display for the viewer (xvfb-run -a ... when none).
# Usage: [CONSOLES=N] viewer-app/bench/memory.sh [extra JVM options for the viewer, e.g. -Xmx256m]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
VNC_PORT=$(free_port); GW_PORT=$(free_port)
for d in 100 101 102 103 104 105 106 107 108 109; do [ -e /tmp/.X11-unix/X$d ] || { DISP=$d; break; }; done

timeout 120 Xvnc ":$DISP" -geometry 1920x1080 -depth 24 -SecurityTypes None -rfbport "$VNC_PORT" \
  -localhost -nolisten tcp >"$WORK/xvnc.log" 2>&1 & pids+=($!)
devices=()
for n in 1 2 3 4; do
  for i in $(seq 2500); do printf 'console %d line %05d: the quick brown fox jumps over the lazy dog\r\n' "$n" "$i"; done >"$WORK/console$n.log"
  devices+=(--device "console$n=file:$WORK/console$n.log")
done
sleep 1
timeout 120 java -jar "$ROOT/gateway/target/vncstream-gateway.jar" --listen "127.0.0.1:$GW_PORT" \
  --upstream "127.0.0.1:$VNC_PORT" "${devices[@]}" >"$WORK/gateway.log" 2>&1 & pids+=($!)
sleep 2
measure() {
  HOME="$WORK" timeout 120 java "${@:2}" -jar "$ROOT/viewer-app/target/vncstream.jar" --measure-memory "$1" \
    "127.0.0.1::$GW_PORT" 2>"$WORK/viewer.log" \
    | grep '^desktop=' || { echo "no report; viewer log:" >&2; cat "$WORK/viewer.log" >&2; exit 1; }
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }
reference=$(measure 0 "$@")
echo "reference: $reference"
result=$(measure "${CONSOLES:-4}" "$@")
echo "$result"
awk -v h1="$(field heap-used-after-gc-mib "$result")" -v h0="$(field heap-used-after-gc-mib "$reference")" \
    -v r1="$(field rss-mib "$result")" -v r0="$(field rss-mib "$reference")" -v n="${CONSOLES:-4}" \
  'BEGIN { printf "vs no console: heap after GC %.2fx (+%.1f MiB, %.1f MiB a console), RSS %.2fx (+%.1f MiB)\n",
           h1 / h0, h1 - h0, (n > 0 ? (h1 - h0) / n : 0), r1 / r0, r1 - r0 }'
