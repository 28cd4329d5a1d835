/* Shared by the portal's maps: loads Leaflet (static/vendor/leaflet/) once, only for pages that show a map, and returns a
 * promise of `L`. The map element carries the addresses in data attributes (no inline script):
 * data-leaflet-js, data-leaflet-css and the marker images (data-marker-icon, -icon-2x, -shadow).
 * Used by directory-map.js and festival-map.js; include it before them.
 */
(function () {
  "use strict";

  var loading = null;

  function configureIcons(L, element) {
    // Leaflet guesses its marker images from its stylesheet, which may not be applied yet when
    // the script has loaded: give it their (fingerprinted) addresses instead.
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      iconUrl: element.dataset.markerIcon,
      iconRetinaUrl: element.dataset.markerIcon2x,
      shadowUrl: element.dataset.markerShadow,
    });
    return L;
  }

  window.portalLeaflet = function (element) {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.L) return resolve(window.L);
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = element.dataset.leafletCss;
        document.head.appendChild(css);
        var script = document.createElement("script");
        script.src = element.dataset.leafletJs;
        script.onload = function () { resolve(window.L); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading.then(function (L) { return configureIcons(L, element); });
  };

  // Pins differ by shape as well as colour (WCAG 1.4.1): organisation round, inspiring place
  // square, event venue triangle. Inline SVG in a divIcon: no image to fetch.
  var SHAPES = {
    organisation: { colour: "#a63a1a", path: '<circle cx="12" cy="12" r="8.5"/>' },
    place: { colour: "#235b3f", path: '<rect x="4" y="4" width="16" height="16" rx="1.5"/>' },
    venue: { colour: "#172033", path: '<path d="M12 2.5 22 20.5H2z"/>' },
  };

  function svg(type, size) {
    var shape = SHAPES[type] || SHAPES.venue;
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="' + size + '" height="' + size +
      '" aria-hidden="true" focusable="false"><g fill="' + shape.colour + '" stroke="#fff" stroke-width="2.5" paint-order="stroke">' +
      shape.path + "</g></svg>";
  }

  function pin(L, type) {
    return L.divIcon({
      className: "map-pin map-pin--" + type,
      html: svg(type, 28),
      iconSize: [28, 28],
      iconAnchor: [14, 14],
      popupAnchor: [0, -12],
    });
  }

  function legend(L, map, element, types) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "map-legend");
      var title = document.createElement("p");
      title.className = "map-legend__title";
      title.textContent = element.dataset.labelLegend || "";
      box.appendChild(title);
      var list = document.createElement("ul");
      types.forEach(function (type) {
        var item = document.createElement("li");
        item.innerHTML = svg(type, 16);
        item.appendChild(document.createTextNode(" " + (element.dataset["label" + type[0].toUpperCase() + type.slice(1)] || type)));
        list.appendChild(item);
      });
      box.appendChild(list);
      return box;
    };
    control.addTo(map);
  }

  // Tiles come from another server, which may be down, blocked or offline: when none has
  // loaded after some failed (or after a while), say so in words over the map.
  function watchTiles(layer, element) {
    var loaded = false;
    var failures = 0;
    function fail() {
      if (loaded || element.querySelector(".map-notice")) return;
      var notice = document.createElement("p");
      notice.className = "map-notice";
      notice.setAttribute("role", "status");
      notice.textContent = element.dataset.labelTilesFailed || "";
      element.appendChild(notice);
      element.dataset.tiles = "failed";
    }
    layer.on("tileload", function () {
      loaded = true;
      element.dataset.tiles = "loaded";
      var notice = element.querySelector(".map-notice");
      if (notice) notice.remove();
    });
    layer.on("tileerror", function () {
      failures += 1;
      if (failures >= 2) fail();
    });
    window.setTimeout(function () { if (!loaded) fail(); }, 10000);
  }

  window.portalMap = { pin: pin, legend: legend, watchTiles: watchTiles };
})();
