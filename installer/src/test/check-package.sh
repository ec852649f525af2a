#!/usr/bin/env bash
# Checks the .deb as a user gets it: builds it (profile 'installer'), installs it with dpkg, runs
# the installed commands from PATH, validates the desktop entry, removes the package and checks
# that its files are gone. Prints the package size, installed size and build time.
#
# Needs root, dpkg and jpackage. Without them it says why and exits 0, or 1 when CI=true.
# It installs and then removes the package 'vncstream' on this machine: meant for CI and for
# throwaway machines.
#
# Environment:
#   VNCSTREAM_DEB=FILE        check this .deb instead of building one
#   VNCSTREAM_MVN_ARGS="-o"   extra arguments for the Maven build (e.g. offline)
#   VNCSTREAM_CHECK_PORT=N    port for the demo gateway (default: a random one in 20000-39999)
set -uo pipefail

repo="$(cd "$(dirname "$0")/../../.." && pwd)"
ci="${CI:-false}"
passed=0 failed=0
failures=()

say() { echo "check-package: $*"; }
skip_all() {
  say "SKIPPED: $*"
  if [ "$ci" = "true" ]; then say "CI=true: a skipped package check is a failure"; exit 1; fi
  exit 0
}
pass() { passed=$((passed + 1)); say "ok   - $*"; }
fail() { failed=$((failed + 1)); failures+=("$*"); say "FAIL - $*"; }
check() { # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

[ "$(id -u)" = 0 ] || skip_all "not root (dpkg -i needs root; CI runs as root)"
for t in dpkg dpkg-deb dpkg-query; do
  command -v "$t" >/dev/null 2>&1 || skip_all "no $t here (not a Debian-like system)"
done
if [ -z "${VNCSTREAM_DEB:-}" ]; then
  command -v jpackage >/dev/null 2>&1 || [ -x "${JAVA_HOME:-/nonexistent}/bin/jpackage" ] \
    || skip_all "no jpackage (needs a full JDK 17)"
  command -v fakeroot >/dev/null 2>&1 || skip_all "no fakeroot (apt-get install fakeroot)"
fi

# --- build ---------------------------------------------------------------------------------
if [ -n "${VNCSTREAM_DEB:-}" ]; then
  deb="$VNCSTREAM_DEB"
  build_seconds="(not built here)"
else
  say "building: mvn -B -q -DskipTests -Pinstaller -pl installer -am package ${VNCSTREAM_MVN_ARGS:-}"
  t0=$(date +%s)
  # shellcheck disable=SC2086
  if ! (cd "$repo" && mvn -B -q -DskipTests -Pinstaller -pl installer -am package ${VNCSTREAM_MVN_ARGS:-}); then
    say "FAIL - the package build failed"; exit 1
  fi
  build_seconds="$(( $(date +%s) - t0 )) s"
  deb="$(ls -t "$repo"/installer/target/vncstream_*.deb 2>/dev/null | head -1)"
fi
[ -f "$deb" ] || { say "FAIL - no .deb (looked for ${deb:-installer/target/vncstream_*.deb})"; exit 1; }
version="$(dpkg-deb -f "$deb" Version)"
upstream="${version%-*}"
say "package: $deb (version $version)"

# --- install -------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' vncstream 2>/dev/null | grep -q 'install ok installed'; then
  say "note: vncstream $(dpkg-query -W -f='${Version}' vncstream) was installed before this check; it is replaced and removed"
fi
gateway_pid=""
workdir="$(mktemp -d)"
cleanup() {
  [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null
  if dpkg-query -W -f='${Status}' vncstream 2>/dev/null | grep -q 'ok installed'; then
    dpkg -r vncstream >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

installed=false
if dpkg -i "$deb" >"$workdir/dpkg-i.log" 2>&1; then
  installed=true
elif command -v apt-get >/dev/null 2>&1; then
  # Missing system libraries: let apt bring them (the package stays unconfigured until then).
  say "dpkg -i left dependencies unmet; apt-get install -f"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -f -y -qq --no-install-recommends >>"$workdir/dpkg-i.log" 2>&1 \
     || { apt-get update -qq >>"$workdir/dpkg-i.log" 2>&1 \
          && apt-get install -f -y -qq --no-install-recommends >>"$workdir/dpkg-i.log" 2>&1; }; then
    dpkg-query -W -f='${Status}' vncstream 2>/dev/null | grep -q 'install ok installed' && installed=true
  fi
fi
if ! $installed; then
  cat "$workdir/dpkg-i.log"
  say "FAIL - dpkg -i $deb"; exit 1
fi
pass "dpkg -i $(basename "$deb")"

# --- the installed commands ----------------------------------------------------------------
check "vncstream is /usr/bin/vncstream on PATH" [ "$(command -v vncstream)" = /usr/bin/vncstream ]
check "vncstream-gateway is /usr/bin/vncstream-gateway on PATH" \
  [ "$(command -v vncstream-gateway)" = /usr/bin/vncstream-gateway ]
check "dpkg owns /usr/bin/vncstream" dpkg -S /usr/bin/vncstream
out="$(vncstream --version 2>&1)"; say "vncstream --version: $out"
check "vncstream --version prints $upstream" grep -q -- "$upstream" <<<"$out"
out="$(vncstream-gateway --version 2>&1)"; say "vncstream-gateway --version: $out"
check "vncstream-gateway --version runs" [ -n "$out" ]
# The heap bound and GC of each installed launcher, as its JVM really runs (java-options.sh):
# without them the JVM takes a quarter of the RAM and keeps a burst's memory until a full GC.
flags() { JAVA_TOOL_OPTIONS=-XX:+PrintFlagsFinal "$@" --version 2>/dev/null; }
flag() { awk -v f="$1" '$2 == f { print $4 }'; }
gw_flags="$(flags vncstream-gateway)"; viewer_flags="$(flags vncstream)"
say "gateway: MaxHeapSize $(flag MaxHeapSize <<<"$gw_flags"), G1PeriodicGCInterval $(flag G1PeriodicGCInterval <<<"$gw_flags"); viewer: MaxHeapSize $(flag MaxHeapSize <<<"$viewer_flags")"
check "vncstream-gateway runs with a 512 MiB heap" [ "$(flag MaxHeapSize <<<"$gw_flags")" = 536870912 ]
check "vncstream runs with a 768 MiB heap" [ "$(flag MaxHeapSize <<<"$viewer_flags")" = 805306368 ]
check "both run G1 giving memory back after 15 s idle" \
  [ "$(flag UseG1GC <<<"$gw_flags")$(flag G1PeriodicGCInterval <<<"$gw_flags")$(flag G1PeriodicGCInterval <<<"$viewer_flags")" = true1500015000 ]

# The viewer's AppCDS archive (train-cds.sh) really used by the installed launcher: with
# -Xshare:on the JVM stops when an archive cannot be mapped (another JDK, class path or jar).
cds_out="$(JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" vncstream --version 2>&1)"
check "installed vncstream maps its classes from its AppCDS archive (-Xshare:on)" \
  grep -q 'io.vncstream.viewer.cli.VncstreamCommand source: shared objects file (top)' <<<"$cds_out"
check "no CDS warning in the installed vncstream's output" bash -c '! grep -q "\[cds" <<<"$1"' _ "$(vncstream --version 2>&1)"

if vncstream-gateway --help 2>/dev/null | grep -q -- --demo; then
  port="${VNCSTREAM_CHECK_PORT:-$((20000 + RANDOM % 20000))}"
  png="$workdir/x.png"
  # A headless server: a DISPLAY left over from a login session, with no X server behind it,
  # must not stop the demo desktop (it draws off-screen).
  DISPLAY=:4242 vncstream-gateway --demo --listen "127.0.0.1:$port" >"$workdir/gateway.log" 2>&1 &
  gateway_pid=$!
  up=false
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then up=true; break; fi
    kill -0 "$gateway_pid" 2>/dev/null || break
    sleep 0.5
  done
  check "installed vncstream-gateway --demo listens on 127.0.0.1:$port" $up
  if $up; then
    timeout 120 vncstream snapshot "127.0.0.1::$port" "$png" >"$workdir/snapshot.log" 2>&1
    rc=$?
    [ $rc = 0 ] || cat "$workdir/snapshot.log"
    check "installed vncstream snapshot 127.0.0.1::$port exits 0 (got $rc)" [ $rc = 0 ]
    check "the snapshot is a non-empty PNG" \
      bash -c '[ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d " \n")" = 89504e470d0a1a0a ]' _ "$png"
  else
    cat "$workdir/gateway.log"
  fi
  kill "$gateway_pid" 2>/dev/null; wait "$gateway_pid" 2>/dev/null; gateway_pid=""
else
  say "#####################################################################################"
  say "SKIPPED the demo snapshot check: 'vncstream-gateway --help' does not list --demo yet."
  say "It runs by itself once the gateway has --demo and the viewer has 'snapshot'."
  say "#####################################################################################"
fi

# --- the installed GUI: launch to the demo's first painted frame -----------------------------
# The installed launcher with --demo --measure-startup prints one line when the first frame from
# the embedded demo has been painted, then exits; a trivial Swing frame on the same bundled
# runtime is the reference. This also proves the jlinked runtime has what the GUI needs.
startup_note="(not measured: no xvfb-run)"
if command -v xvfb-run >/dev/null 2>&1; then
  runtime_java=/opt/vncstream/lib/runtime/bin/java
  viewer_jar=/opt/vncstream/lib/app/vncstream.jar
  first_paint() { # prints milliseconds from launch to the reported first paint, or nothing
    local start line
    start=$(date +%s%3N)
    line=$(HOME="$workdir" timeout 60 xvfb-run -a -s "-screen 0 1600x1000x24" "$@" 2>/dev/null \
           | grep -m1 '^first-paint-epoch-ms=')
    [ -n "$line" ] || return 0
    line=${line#first-paint-epoch-ms=}
    echo $(( ${line%% *} - start ))
  }
  app_ms=() ref_ms=()
  for _ in 1 2 3; do
    ref_ms+=("$(first_paint "$runtime_java" -cp "$viewer_jar" io.vncstream.viewer.bench.TrivialFrame)")
    app_ms+=("$(first_paint vncstream --demo --measure-startup)")
  done
  median3() { printf '%s\n' "$@" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
  app_median=$(median3 "${app_ms[@]}")
  ref_median=$(median3 "${ref_ms[@]}")
  check "installed vncstream --demo paints the demo's first frame (3 of 3 launches)" \
    [ "$(printf '%s\n' "${app_ms[@]}" | grep -c '^[0-9]')" = 3 ]
  if [ -n "$app_median" ] && [ -n "$ref_median" ]; then
    startup_note="launch to first demo frame ${app_median} ms (median of 3; runs: ${app_ms[*]}), trivial Swing frame on the same runtime ${ref_median} ms, ratio $(awk -v a="$app_median" -v r="$ref_median" 'BEGIN {printf "%.2f", a / r}')"
  fi
  say "startup: $startup_note"
elif [ "$ci" = "true" ]; then
  fail "xvfb-run is missing (apt-get install xvfb): the installed GUI was not started"
else
  say "SKIPPED the installed GUI start: no xvfb-run"
fi

# --- desktop entry and icons ---------------------------------------------------------------
desktop=/usr/share/applications/vncstream.desktop
check "desktop entry installed at $desktop" [ -f "$desktop" ]
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "desktop-file-validate $desktop" desktop-file-validate "$desktop"
elif [ "$ci" = "true" ]; then
  fail "desktop-file-validate is missing (apt-get install desktop-file-utils)"
else
  say "SKIPPED desktop-file-validate: not installed (apt-get install desktop-file-utils)"
fi
check "desktop entry opens vnc:// links with 'vncstream %u'" \
  bash -c 'grep -qx "Exec=vncstream %u" "$1" && grep -q "^MimeType=.*x-scheme-handler/vnc;" "$1"' _ "$desktop"
for s in 16 32 48 64 128 256; do
  check "icon ${s}x${s}" [ -s "/usr/share/icons/hicolor/${s}x${s}/apps/vncstream.png" ]
done

# --- sizes ---------------------------------------------------------------------------------
pkg_bytes=$(stat -c %s "$deb")
inst_kib=$(dpkg-deb -f "$deb" Installed-Size)
opt_du="$(du -sh /opt/vncstream | cut -f1)"
check "package under 60 MB ($pkg_bytes bytes)" [ "$pkg_bytes" -lt 60000000 ]

# --- remove --------------------------------------------------------------------------------
check "dpkg -r vncstream" bash -c 'dpkg -r vncstream >/dev/null'
for f in /opt/vncstream /usr/bin/vncstream /usr/bin/vncstream-gateway "$desktop" \
         /usr/share/icons/hicolor/256x256/apps/vncstream.png /usr/share/doc/vncstream; do
  check "gone after dpkg -r: $f" bash -c '! [ -e "$1" ] && ! [ -L "$1" ]' _ "$f"
done

say "sizes: package $pkg_bytes bytes ($(du -h "$deb" | cut -f1)); Installed-Size $inst_kib KiB;" \
    "du -sh /opt/vncstream: $opt_du; build time: $build_seconds"
say "startup: $startup_note"
if [ "$failed" -gt 0 ]; then
  for f in "${failures[@]}"; do say "failed: $f"; done
fi
echo "check-package: $passed passed, $failed failed"
[ "$failed" = 0 ]
