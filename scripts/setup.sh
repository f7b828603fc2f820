#!/usr/bin/env bash
# The README's first command: installs what the project needs on a fresh Debian machine
# (system packages when run as root), the npm packages from the lock file, builds, and runs
# the main job on examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in $(cat scripts/debian-packages.txt); do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
npm ci --no-audit --no-fund
npm start
