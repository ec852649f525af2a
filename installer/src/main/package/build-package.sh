#!/usr/bin/env bash
# Builds vncstream's Linux packages from the two runnable jars:
#   OUT/runtime                     a jlinked Java runtime with only the modules the jars need
#   OUT/app-image/vncstream/        jpackage app image: bin/vncstream, bin/vncstream-gateway
#   OUT/vncstream-VERSION-linux-x64.tar.gz   that app image, packed
#   OUT/vncstream_VERSION-1_ARCH.deb         the Debian package (installs to /opt/vncstream)
#
# Called by the Maven profile 'installer' (installer/pom.xml); can be run by hand too:
#   installer/src/main/package/build-package.sh --version 0.1.0 \
#     --viewer-jar viewer-app/target/vncstream.jar \
#     --gateway-jar gateway/target/vncstream-gateway.jar --out installer/target
#
# jpackage 17 can only install a .deb under /opt/NAME and has no way to add files elsewhere
# (no --app-content before JDK 18), so after jpackage the .deb is unpacked and repacked with
# what belongs outside /opt, all of it owned by dpkg (so 'dpkg -r' removes it, 'dpkg -S' knows it):
#   /usr/bin/vncstream, /usr/bin/vncstream-gateway   symlinks to /opt/vncstream/bin/*
#   /usr/share/applications/vncstream.desktop        handles vnc:// links (Exec=vncstream %u)
#   /usr/share/icons/hicolor/{NxN,scalable}/apps/vncstream.{png,svg}
#   /usr/share/doc/vncstream/copyright
# and, in /opt/vncstream, the viewer's class data sharing archives (train-cds.sh), which only
# hold for the paths the package installs to.
# The desktop database and icon cache are refreshed by dpkg triggers of desktop-file-utils and
# hicolor-icon-theme when those are installed; no maintainer script of ours is needed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
version="" viewer_jar="" gateway_jar="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --viewer-jar) viewer_jar="$2"; shift 2 ;;
    --gateway-jar) gateway_jar="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build-package.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
for v in version viewer_jar gateway_jar out; do
  [ -n "${!v}" ] || { echo "build-package.sh: --${v/_/-} is required" >&2; exit 2; }
done
for j in "$viewer_jar" "$gateway_jar"; do
  [ -f "$j" ] || { echo "build-package.sh: no such jar: $j (build it first: mvn -B -DskipTests package)" >&2; exit 1; }
done

# The JDK's own tools, from JAVA_HOME when set, else from the java on PATH.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
  jdk_bin="$JAVA_HOME/bin"
else
  jdk_bin="$(dirname "$(readlink -f "$(command -v java)")")"
fi
for t in jdeps jlink jpackage; do
  [ -x "$jdk_bin/$t" ] || { echo "build-package.sh: $t not found in $jdk_bin (need a full JDK 17 with jmods)" >&2; exit 1; }
done

start=$(date +%s)
name=vncstream
vendor="vncstream developers"
email="dev@vncstream.invalid"
description="VNC viewer that shows the serial consoles of virtual machines as terminal tabs"
# Shared libraries the jlinked runtime loads with dlopen (so jpackage's ldd-based search does not
# see them): AWT/Swing on X11, fonts; libturbojpeg0 for Tight's JPEGs (through JNA; without it
# they decode with ImageIO, slower). jpackage adds what it finds by itself (libc6, zlib1g, ...).
deps="libx11-6, libxext6, libxrender1, libxtst6, libxi6, libfreetype6, libfontconfig1, fontconfig-config, libasound2, libturbojpeg0"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$out/package-work"
rm -rf "$work" "$out/runtime" "$out/app-image"
rm -f "$out/${name}_"*.deb "$out/${name}-"*-linux-*.tar.gz
mkdir -p "$work/input"
cp "$viewer_jar" "$work/input/vncstream.jar"
cp "$gateway_jar" "$work/input/vncstream-gateway.jar"

echo "== jdeps: modules the jars need"
found="$("$jdk_bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$work/input/vncstream.jar" "$work/input/vncstream-gateway.jar")"
# jdk.crypto.ec: TLS with elliptic curves (VeNCrypt, wss:// to a gateway);
# jdk.unsupported: sun.misc.Unsafe for libraries that use it when present (FlatLaf, Jackson).
modules="$found,jdk.crypto.ec,jdk.unsupported"
echo "jdeps found: $found; runtime modules: $modules"

echo "== jlink: runtime"
"$jdk_bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=2
# Symbol tables of the native libraries are only for debuggers (Debian strips them the same way
# into -dbgsym packages): about 4 MB less.
if command -v strip >/dev/null 2>&1; then
  find "$out/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jexec -o -name jspawnhelper \) \
    -exec strip --strip-unneeded {} +
fi

# Heap and GC settings of both launchers (see java-options.sh): the main launcher's as one
# --java-options each, the gateway's in its launcher properties, written here from the same words.
. "$here/java-options.sh"
viewer_options=()
for o in $VNCSTREAM_VIEWER_JAVA_OPTIONS; do viewer_options+=(--java-options "$o"); done
{ grep -v '^java-options=' "$here/vncstream-gateway.properties"; echo "java-options=$VNCSTREAM_GATEWAY_JAVA_OPTIONS"; } \
  >"$work/vncstream-gateway.properties"

echo "== jpackage: app image"
"$jdk_bin/jpackage" --type app-image --dest "$out/app-image" \
  --name "$name" --app-version "$version" --vendor "$vendor" --description "$description" \
  --copyright "Copyright 2026 $vendor" \
  --input "$work/input" --main-jar vncstream.jar \
  --main-class io.vncstream.viewer.cli.VncstreamCommand \
  --runtime-image "$out/runtime" \
  --icon "$here/icons/png/256x256.png" \
  "${viewer_options[@]}" \
  --add-launcher "vncstream-gateway=$work/vncstream-gateway.properties"
app="$out/app-image/$name"
# The app image carries the desktop entry and the SVG icon too, for whoever installs it by hand.
mkdir -p "$app/lib/share"
cp "$here/vncstream.desktop" "$here/icons/vncstream.svg" "$app/lib/share/"
tar -C "$out/app-image" -czf "$out/$name-$version-linux-x64.tar.gz" "$name"

echo "== jpackage: .deb"
"$jdk_bin/jpackage" --type deb --dest "$work/deb" --app-image "$app" \
  --name "$name" --app-version "$version" --vendor "$vendor" --description "$description" \
  --license-file "$here/LICENSE" \
  --linux-package-name "$name" --linux-deb-maintainer "$email" \
  --linux-app-category net --linux-package-deps "$deps"
deb_jp="$(ls "$work/deb/"*.deb)"

echo "== repack: /usr/bin links, desktop entry, icons"
root="$work/root"
dpkg-deb -R "$deb_jp" "$root"
mkdir -p "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/$name"
ln -s "/opt/$name/bin/vncstream" "$root/usr/bin/vncstream"
ln -s "/opt/$name/bin/vncstream-gateway" "$root/usr/bin/vncstream-gateway"
install -m 0644 "$here/vncstream.desktop" "$root/usr/share/applications/vncstream.desktop"
for s in 16 32 48 64 128 256; do
  install -D -m 0644 "$here/icons/png/${s}x${s}.png" "$root/usr/share/icons/hicolor/${s}x${s}/apps/vncstream.png"
done
install -D -m 0644 "$here/icons/vncstream.svg" "$root/usr/share/icons/hicolor/scalable/apps/vncstream.svg"
install -m 0644 "$here/copyright" "$root/usr/share/doc/$name/copyright"
printf '%s (%s-1) unstable; urgency=medium\n\n  * Package built with jpackage; see the project history for changes.\n\n -- %s <%s>  %s\n' \
  "$name" "$version" "$vendor" "$email" "$(date -R)" | gzip -9n > "$root/usr/share/doc/$name/changelog.Debian.gz"
chmod 0644 "$root/usr/share/doc/$name/changelog.Debian.gz"
# jpackage marks its launcher library executable; shared libraries are 0644 in Debian.
find "$root/opt/$name" -name '*.so' -exec chmod 0644 {} +
if command -v strip >/dev/null 2>&1; then   # jpackage's launchers, like the runtime above
  strip --strip-unneeded "$root/opt/$name/bin/"* "$root/opt/$name/lib/libapplauncher.so"
fi
# Class data sharing for the installed viewer (train-cds.sh): the classes its demo loads up to
# the first painted frame are mapped from archives, not read from the jars at every start. The
# archives hold for the installed paths only, so the tarball and app image go without them.
echo "== AppCDS: archives from a training run of the installed tree"
"$here/train-cds.sh" "$root/opt/$name" "/opt/$name"
# A refused archive would print a warning on stdout, in the middle of a command's output.
printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/vncstream.jsa' \
  'java-options=-Xlog:cds=off' 'java-options=-Xlog:cds+dynamic=off' >>"$root/opt/$name/lib/app/vncstream.cfg"
# jpackage's maintainer scripts do nothing without --linux-shortcut/file associations: drop them.
for s in preinst postinst prerm postrm; do
  if [ -f "$root/DEBIAN/$s" ] && ! grep -q 'xdg-' "$root/DEBIAN/$s"; then rm "$root/DEBIAN/$s"; fi
done
# Installed-Size in KiB, counted like dpkg-gencontrol: every file and directory outside DEBIAN.
size_kib=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size_kib/" "$root/DEBIAN/control"
# Homepage line left blank by jpackage when there is none: drop empty lines in control.
sed -i '/^[[:space:]]*$/d' "$root/DEBIAN/control"
# An extended description (the lines after Description:, each starting with a space).
sed -i "/^Description:/r $here/description.txt" "$root/DEBIAN/control"
# jpackage lists what it found plus --linux-package-deps, with repeats: keep each once, sorted.
all_deps="$(sed -n 's/^Depends: //p' "$root/DEBIAN/control" | tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$' | sort -u | paste -sd, - | sed 's/,/, /g')"
sed -i "s/^Depends:.*/Depends: $all_deps/" "$root/DEBIAN/control"
arch="$(dpkg-deb -f "$deb_jp" Architecture)"
deb="$out/${name}_${version}-1_${arch}.deb"
fakeroot dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
rm -rf "$work"

end=$(date +%s)
echo "== built in $((end - start)) s"
echo "app image: $app"
echo "tarball:   $out/$name-$version-linux-x64.tar.gz ($(du -h "$out/$name-$version-linux-x64.tar.gz" | cut -f1))"
echo "package:   $deb ($(du -h "$deb" | cut -f1), $(stat -c %s "$deb") bytes)"
echo "Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
