// Sociaal Kompas's partial plotly.js: the trace types the pages draw and the Dutch locale.
// core = scatter (lines, markers, text); bar (breakdowns, budget); choropleth (the maps).
// Add a trace type here when a figure starts using one, then run scripts/vendor_frontend.sh.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/choropleth'),
    require('plotly.js/lib/locales/nl'),
]);

// dcc.Graph uses window.Plotly when the page already has it, so Dash never loads the full
// 4.8 MB bundle.
window.Plotly = Plotly;
