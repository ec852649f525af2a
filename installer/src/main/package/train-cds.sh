#!/usr/bin/env bash
# Makes the class data sharing archives of the installed viewer (AppCDS), from a training run:
#   TREE/lib/runtime/lib/server/classes.jsa   the runtime's base archive (-Xshare:dump; jlink
#                                             leaves it out), the JDK classes of its classlist
#   TREE/lib/app/vncstream.jsa                a dynamic archive (-XX:ArchiveClassesAtExit) of
#                                             every other class `vncstream --demo` loads up to
#                                             its first painted frame
# The JVM then maps those classes instead of reading, parsing and verifying them from the jars
# at each start. A dynamic archive is only used with the class path it was dumped with, path for
# path (/opt/vncstream/lib/app/vncstream.jar elsewhere is "shared class paths mismatch"), and the
# same jars (size and time) and base archive: so the training runs the launcher of the tree as
# it will be installed, TREE seen at INSTALL_DIR through a bind mount in a mount namespace of
# its own (nothing outside it sees the mount; an installed vncstream stays as it is).
#
# Usage: train-cds.sh TREE INSTALL_DIR    (e.g. package-work/root/opt/vncstream /opt/vncstream)
# Needs unshare and mount (util-linux), and xvfb-run or a DISPLAY. Exit status 0 with both
# archives written and checked (-Xshare:on), else non-zero with the reason on stderr.
set -euo pipefail

tree="$(cd "$1" && pwd)"
install_dir="$2"
log="$(mktemp)"
home="$(mktemp -d)"
trap 'rm -rf "$log" "$home"' EXIT

fail() { echo "train-cds.sh: $*" >&2; [ -s "$log" ] && tail -20 "$log" >&2; exit 1; }

if command -v xvfb-run >/dev/null 2>&1; then
  display=(xvfb-run -a -s "-screen 0 1600x1000x24")
elif [ -n "${DISPLAY:-}" ]; then
  display=()
else
  fail "no xvfb-run and no DISPLAY: the training run opens the viewer's window"
fi
command -v unshare >/dev/null 2>&1 || fail "no unshare (util-linux)"

"$tree/lib/runtime/bin/java" -Xshare:dump >"$log" 2>&1 || fail "the base archive could not be dumped"

# In a mount namespace: root may mount there; anyone else maps themselves to root in a user
# namespace of their own first.
ns=(unshare --mount --propagation private)
[ "$(id -u)" = 0 ] || ns+=(--map-root-user)
"${ns[@]}" bash -s -- "$tree" "$install_dir" "$home" "${display[@]}" >"$log" 2>&1 <<'INNER' || fail "the training run failed"
set -euo pipefail
tree="$1" install_dir="$2" home="$3"; shift 3
parent="$(dirname "$install_dir")"
# A tmpfs over the parent (/opt) in this namespace only, so the directory can be made there.
mount -t tmpfs tmpfs "$parent"
mkdir "$install_dir"
mount --bind "$tree" "$install_dir"
archive="$install_dir/lib/app/vncstream.jsa"
line="$(HOME="$home" JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive" timeout 120 "$@" \
        "$install_dir/bin/vncstream" --demo --measure-startup 2>&1 | grep -m1 '^first-paint-epoch-ms=' || true)"
[ -n "$line" ] || { echo "the demo painted no frame"; exit 1; }
[ -s "$archive" ] || { echo "no archive at $archive after the training run"; exit 1; }
# Used, not refused: -Xshare:on stops the JVM when the archive cannot be mapped.
out="$(JAVA_TOOL_OPTIONS="-Xshare:on -XX:SharedArchiveFile=$archive -Xlog:class+load=info" \
       "$install_dir/bin/vncstream" --version 2>&1)" || { echo "$out"; exit 1; }
grep -q 'io.vncstream.viewer.cli.VncstreamCommand source: shared objects file (top)' <<<"$out" \
  || { echo "$out" | tail -5; echo "the viewer's classes do not come from $archive"; exit 1; }
INNER
chmod 0644 "$tree/lib/runtime/lib/server/classes.jsa" "$tree/lib/app/vncstream.jsa"
echo "train-cds.sh: base archive $(du -h "$tree/lib/runtime/lib/server/classes.jsa" | cut -f1)," \
     "viewer archive $(du -h "$tree/lib/app/vncstream.jsa" | cut -f1) (checked with -Xshare:on)"
