#!/usr/bin/env bash
# Runs every test. GUI tests need an X display: when there is none and xvfb-run exists, the
# whole run gets a virtual one; otherwise GUI tests skip and say why (in CI that is a failure).
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B verify "$@"
else
  mvn -B verify "$@"
fi
installer/src/test/check-package.sh   # builds the .deb, installs, runs and removes it (root only)
