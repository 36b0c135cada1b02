/* Sociaal Kompas: the few things that must run in the browser, as Dash clientside functions
   (a file, not inline script, so the Content-Security-Policy can forbid inline scripts). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  sk: {
    print: function (clicks) {
      if (clicks) { window.print(); }
      return "";
    },
    toggle: function (clicks, isOpen) {
      return clicks ? !isOpen : isOpen;
    },
    close: function () {
      return false;
    },
    copy: function (clicks, text) {
      if (!clicks) { return ""; }
      var done = "Link gekopieerd.";
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text);
        return done;
      }
      var field = document.getElementById("sk-share-link");  /* plain http: select and copy */
      if (field) { field.select(); }
      return document.execCommand && document.execCommand("copy") ? done : "Selecteer de link en kopieer hem.";
    },
  },
});

/* Print: charts keep their screen size unless told, so on A4 a wide chart was cut off at the
   right (the latest years). Before printing every chart is laid out again at the width of the
   printed page and a lower height; afterwards it follows the window again. */
(function () {
  var PRINT_WIDTH = 680;   /* CSS px: A4 portrait minus the @page margins in sk.css */
  var PRINT_HEIGHT = 190;
  var printing = false;
  /* Low enough for two sheets, but the legend (under the plot) and a map keep their room. */
  function printHeight(chart) {
    var layout = chart._fullLayout || {};
    var data = chart._fullData || [];
    var own = layout.height || 450;
    var many = charts().length > 5;  /* many charts on one page: each a little lower */
    if (data.some(function (t) { return String(t.type).indexOf("choropleth") === 0; })) {
      return Math.min(own, many ? 160 : 190);
    }
    var entries = layout.showlegend === false ? 0 : data.filter(function (t) {
      return t.showlegend !== false && t.visible !== false;
    }).length;
    var names = (layout.yaxis && layout.yaxis._categories) ? layout.yaxis._categories.length : 0;
    var base = many ? PRINT_HEIGHT - 40 : PRINT_HEIGHT;
    return Math.min(own, Math.max(base, 40 + 24 * entries, 50 + 8 * names));
  }
  function charts() { return document.querySelectorAll(".js-plotly-plot"); }
  function unfold() {
    /* folded case sections are printed open, then folded again */
    document.querySelectorAll("details.sk-fold:not([open])").forEach(function (d) {
      d.setAttribute("open", ""); d.dataset.skFolded = "1";
    });
    /* the list of case events under a chart is printed once; later charts share its numbers */
    document.querySelectorAll(".sk-events").forEach(function (list, index) {
      if (index > 0) { list.classList.add("d-none"); list.dataset.skRepeated = "1"; }
    });
  }
  function refold() {
    document.querySelectorAll("details[data-sk-folded]").forEach(function (d) {
      d.removeAttribute("open"); delete d.dataset.skFolded;
    });
    document.querySelectorAll("[data-sk-repeated]").forEach(function (list) {
      list.classList.remove("d-none"); delete list.dataset.skRepeated;
    });
  }
  /* dcc.Graph is responsive: a chart takes the size of its box. So the box is given the
     paper's size (and back), and the chart follows. */
  function box(chart) { return chart.closest(".dash-graph") || chart.parentElement; }
  function toPaper() {
    unfold();
    if (printing || !window.Plotly) { return; }
    printing = true;
    charts().forEach(function (chart) {
      if (chart.closest(".sk-kpi-card, .sk-sparkline, .sk-phone-only")) { return; }
      var holder = box(chart);
      var layout = chart.layout || {};
      chart.dataset.skScreen = JSON.stringify({
        width: holder.style.width, height: holder.style.height, legend: layout.legend || {},
        font: layout.font || {}
      });
      holder.style.width = PRINT_WIDTH + "px";
      holder.style.height = printHeight(chart) + "px";
      /* On paper the legend stands beside the plot, one entry per line: under it, a long
         legend took the height the plot needs. */
      var legend = { orientation: "v", x: 1.02, xanchor: "left", y: 1, yanchor: "top" };
      var font = Object.assign({}, layout.font || {}, { size: 10 });  /* 10 px on paper */
      window.Plotly.relayout(chart, { legend: legend, font: font, autosize: true });
    });
  }
  function toScreen() {
    refold();
    if (!printing || !window.Plotly) { return; }
    printing = false;
    charts().forEach(function (chart) {
      if (!chart.dataset.skScreen) { return; }
      var screen = JSON.parse(chart.dataset.skScreen);
      delete chart.dataset.skScreen;
      var holder = box(chart);
      holder.style.width = screen.width;
      holder.style.height = screen.height;
      window.Plotly.relayout(chart, { legend: screen.legend, font: screen.font, autosize: true });
    });
  }
  window.addEventListener("beforeprint", toPaper);
  window.addEventListener("afterprint", toScreen);
  var media = window.matchMedia("print");
  media.addEventListener("change", function (event) { (event.matches ? toPaper : toScreen)(); });
})();

/* Plotly in Dutch: the one toolbar button's title (the pages register locale 'nl'). */
(function registerDutch() {
  if (!window.Plotly || !window.Plotly.register) { setTimeout(registerDutch, 50); return; }
  window.Plotly.register({
    moduleType: "locale",
    name: "nl",
    dictionary: {
      "Download plot as a png": "Download als afbeelding (PNG)",
      "Download plot": "Download als afbeelding",
      "Double-click to zoom back out": "Dubbelklik om terug te zoomen",
      "Click to enter Colorscale title": "",
      "Click to enter Plot title": "",
    },
    format: { decimal: ",", thousands: "." },
  });
})();
