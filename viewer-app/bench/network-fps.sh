#!/usr/bin/env bash
# Updates per second of the 1080p scrolling workload from Xvnc through a loopback proxy adding
# 25 ms each way (50 ms round trip): vncstream's viewer GUI against TigerVNC's vncviewer on the
# same proxy, alternating in one run, both counted from the proxy's side (DelayProxy parses the
# server's stream). Starts its own Xvfb 1920x1200 for the two viewers (Xvnc has its own display).
# Usage: viewer-app/bench/network-fps.sh [--seconds N] [--warmup S] [--rounds R] [--delay-ms D]
#        [--modes auto,tight,zrle]      (see NetworkFpsBench)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/installer/src/main/package/java-options.sh"
export VIEWER_JAVA_OPTS="${VIEWER_JAVA_OPTS:-$VNCSTREAM_VIEWER_JAVA_OPTIONS}"
exec xvfb-run -a -s "-screen 0 1920x1200x24" "$root/scripts/bench" viewer-app io.vncstream.viewer.bench.NetworkFpsBench "$@"
