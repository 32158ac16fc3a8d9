#!/usr/bin/env bash
# Installs AUI (the UI library Jira and Confluence ship) from the npm registry for the
# reference host's pages. Usage: install-aui.sh VERSION TARGET_DIR. Idempotent.
set -euo pipefail
version="$1"; mkdir -p "$2"; target="$(cd "$2" && pwd)"
marker="$target/.installed-$version"
[ -f "$marker" ] && exit 0
command -v npm >/dev/null || { echo "npm is needed to fetch AUI: apt-get install -y npm (or nodejs)" >&2; exit 1; }
cd "$target"
[ -f package.json ] || echo '{"name":"mandate-refhost-web","private":true}' > package.json
npm install --no-audit --no-fund --no-save --loglevel=error "@atlassian/aui@$version" "jquery@3.7.1" >/dev/null
touch "$marker"
