#!/usr/bin/env bash
# Runs `node "$@"` with a Node >= 22 (the CSAF validator tests need it). Uses the machine's
# node when it is new enough; otherwise installs the pinned Node 22 binary from the npm
# package node-<os>-<arch> into the gitignored folder .node22/ once (about 30 MB), then runs it.
# `scripts/node22.sh --path` prints the binary's path instead of running it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=22.23.3
system_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$system_major" -ge 22 ]; then
  bin=$(command -v node)
else
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "node22.sh: no Node 22 package for $(uname -s)" >&2; exit 2 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "node22.sh: no Node 22 package for $(uname -m)" >&2; exit 2 ;; esac
  folder="$root/.node22"
  bin="$folder/node_modules/node-$os-$arch/bin/node"
  if [ ! -x "$bin" ]; then
    mkdir -p "$folder"
    # One installer at a time: parallel test files may all ask at once.
    (
      flock 9
      if [ ! -x "$bin" ]; then
        [ -f "$folder/package.json" ] || echo '{"private":true}' >"$folder/package.json"
        npm install --prefix "$folder" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
          "node-$os-$arch@$version" >&2
      fi
    ) 9>"$folder/.install.lock"
  fi
fi
if [ "${1:-}" = "--path" ]; then
  echo "$bin"
  exit 0
fi
exec "$bin" "$@"
