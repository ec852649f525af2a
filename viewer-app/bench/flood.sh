#!/usr/bin/env bash
# Memory of the viewer with one console on a device that floods it: a real Xvnc (640x480) behind
# the vncstream gateway, whose one device is a Unix socket fed by a script, started once the
# viewer's console has captured it. MODE=lines: 2,000,000 lines of 72 bytes as fast as the
# gateway takes them, then quiet; MODE=rate: 60 MB/s (RATE_MB) for the whole run. The viewer
# (--measure-memory 1, run for SETTLE_MS) prints heap after GC (settled), the heap pools' peak,
# RSS and peak RSS (VmHWM). The gateway's log says whether it cut the viewer off for falling behind.
# Needs both shaded jars (mvn -o -B -pl viewer-app -am package -DskipTests; JARS=DIR for another
# build's jars), Xvnc, python3 and an X display (xvfb-run -a ... when none).
# The gateway's RSS (now and peak) is printed after the viewer's report. GATEWAY_OPTS: its JVM options.
# Usage: [MODE=lines|rate] [SETTLE_MS=20000] [GATEWAY_OPTS=...] viewer-app/bench/flood.sh [extra JVM options for the viewer]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JARS="${JARS:-$ROOT}"
MODE="${MODE:-lines}"
WORK="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
VNC_PORT=$(free_port); GW_PORT=$(free_port)
for d in 110 111 112 113 114 115 116 117 118 119; do [ -e /tmp/.X11-unix/X$d ] || { DISP=$d; break; }; done

timeout 300 Xvnc ":$DISP" -geometry 640x480 -depth 24 -SecurityTypes None -rfbport "$VNC_PORT" \
  -localhost -nolisten tcp >"$WORK/xvnc.log" 2>&1 & pids+=($!)
cat >"$WORK/device.py" <<'PY'
import os, socket, sys, time
path, go, mode, rate = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) * 1e6
srv = socket.socket(socket.AF_UNIX); srv.bind(path); srv.listen(1)
conn, _ = srv.accept()
while not os.path.exists(go):
    time.sleep(0.05)
line = lambda i: b"flood line %08d: the quick brown fox jumps over the lazy dog\r\n" % i
if mode == "lines":
    for start in range(0, 2_000_000, 1000):
        conn.sendall(b"".join(line(i) for i in range(start, start + 1000)))
    time.sleep(3600)
else:
    block = b"".join(line(i) for i in range(1000)); sent = 0; t0 = time.time()
    while True:
        conn.sendall(block); sent += len(block)
        ahead = sent / rate - (time.time() - t0)
        if ahead > 0:
            time.sleep(ahead)
PY
timeout 300 python3 "$WORK/device.py" "$WORK/flood.sock" "$WORK/go" "$MODE" "${RATE_MB:-60}" & pids+=($!)
sleep 1
# shellcheck disable=SC2086 # GATEWAY_OPTS: extra JVM options for the gateway, as words
timeout 300 java ${GATEWAY_OPTS:-} -jar "$JARS/gateway/target/vncstream-gateway.jar" --listen "127.0.0.1:$GW_PORT" \
  --upstream "127.0.0.1:$VNC_PORT" --device "flood=unix:$WORK/flood.sock" >"$WORK/gateway.log" 2>&1 & pids+=($!)
sleep 2
( until grep -q "capture 1 of flood started" "$WORK/gateway.log"; do sleep 0.1; done; touch "$WORK/go" ) &
HOME="$WORK" timeout 300 java -Dvncstream.measureSettleMillis="${SETTLE_MS:-20000}" "$@" \
  -jar "$JARS/viewer-app/target/vncstream.jar" --measure-memory 1 "127.0.0.1::$GW_PORT" 2>"$WORK/viewer.log" \
  | grep '^desktop=' || { echo "no report; viewer log:" >&2; tail -20 "$WORK/viewer.log" >&2; }
gw_pid="$(pgrep -f "^java .*vncstream-gateway.jar --listen 127.0.0.1:$GW_PORT" | head -1)"
echo "gateway at rest: $(awk '/^VmRSS|^VmHWM/ { printf "%s %.1f MiB ", $1, $2 / 1024 }' "/proc/$gw_pid/status")"
echo "gateway: $(grep -c . "$WORK/gateway.log") log lines; $(grep -i -m1 'behind' "$WORK/gateway.log" || echo 'no viewer cut off for falling behind')"
ls -l "$WORK"/state/vncstream/logs/ 2>/dev/null | tail -1 || true
find "$WORK" -name 'flood-*.log' -printf 'console log %s bytes\n' 2>/dev/null || true
