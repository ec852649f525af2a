# The JVM options of both commands, in one place: sourced by build-package.sh (jpackage's
# --java-options for the installed launchers) and by scripts/vncstream and scripts/vncstream-gateway
# (the jars' launchers; a jar's manifest cannot set them).
#
# Without them the JVM takes up to a quarter of the RAM for its heap (6 GiB on a 24 GiB machine)
# and keeps what a burst made it commit until a full GC, which may never come: 1-3 GB of RSS at
# rest. A bounded heap, and G1 giving memory back (a periodic collection after 15 s without one,
# then uncommitting beyond 30% free), keep the viewer at about 156 MiB after a 2-million-line
# flood where it kept 1007 MiB, the gateway at 56 MiB where it kept 215 (viewer-app/bench/flood.sh).
#   viewer: a 4K desktop is 32 MiB a copy; consoles keep 10,000 lines of scrollback each.
#   gateway: a long-running daemon; each viewer may be 16 MiB behind (--max-behind) before it is cut.
VNCSTREAM_GC_OPTIONS="-XX:+UseG1GC -XX:G1PeriodicGCInterval=15000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
VNCSTREAM_VIEWER_JAVA_OPTIONS="-Xmx768m $VNCSTREAM_GC_OPTIONS"
VNCSTREAM_GATEWAY_JAVA_OPTIONS="-Xmx512m $VNCSTREAM_GC_OPTIONS -Djava.awt.headless=true"
