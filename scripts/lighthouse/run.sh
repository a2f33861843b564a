#!/usr/bin/env bash
# Build the demo for a local address, then run Lighthouse on it (see run.mjs).
# Usage: scripts/lighthouse/run.sh [--json FILE]   (from the repository root; `make lighthouse`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
export MICROSITE_SITE_URL="http://127.0.0.1:$port/" NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
"$python" -m mkdocs build --strict --quiet --config-file "$root/mkdocs.yml" --site-dir "$site"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
echo "Lighthouse $(node -p 'require("'"$here"'/node_modules/lighthouse/package.json").version'), mobile profile," \
     "$("$CHROME_PATH" --version), commit $(git -C "$root" rev-parse --short HEAD), $(date -u +%F)"
node "$here/run.mjs" "$site" "$port" "$@"
