/* Loads Leaflet (static/vendor/leaflet/) once, only for pages that show a map, and returns a
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
})();
