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
  },
});
