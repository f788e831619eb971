#!/usr/bin/env bash
# The first command: installs what is missing, builds dist/thongbao.html and
# serves it on http://127.0.0.1:8080/thongbao.html (Ctrl-C stops). The same
# file also works opened straight from disk (its file:// path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/tools.sh
scripts/build.sh
port="${PORT:-8080}"
echo
echo "Open in a browser:  http://127.0.0.1:$port/thongbao.html"
echo "or from disk:       file://$PWD/dist/thongbao.html"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
