#!/usr/bin/env bash
# Headless Chromium and its driver for tests/web/test_browser.py, from Debian's packages
# (never a downloaded browser build or driver). Idempotent: does nothing when present.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromedriver ]; then
  echo "chromium and chromedriver already installed"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
    chromium chromium-driver
fi
chromium --version 2>/dev/null | tail -n 1
/usr/bin/chromedriver --version

# the Python driver, into the active environment (also in the project's test extras)
if ! python -c "import selenium" >/dev/null 2>&1; then
  python -m pip install -q "selenium>=4.20"
fi
