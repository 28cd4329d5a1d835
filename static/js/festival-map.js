/* Festival page: a Leaflet map of the venues (progressive enhancement: the list of venues
 * below it gives the same places, with or without JavaScript).
 * The venues come from the element's data-venues attribute (JSON built and escaped by the
 * server); Leaflet (static/vendor/leaflet/) is loaded only when the map is on the page.
 * No inline script.
 */
(function () {
  "use strict";

  function popupContent(venue) {
    var box = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = venue.name;
    box.appendChild(name);
    [venue.address, venue.events].forEach(function (text) {
      if (!text) return;
      var line = document.createElement("p");
      line.textContent = text;
      box.appendChild(line);
    });
    return box;
  }

  function setupMap(element) {
    var venues;
    try {
      venues = JSON.parse(element.dataset.venues || "[]");
    } catch (error) {
      return;
    }
    if (!venues.length) return;
    window.portalLeaflet(element).then(function (L) {
      element.replaceChildren();
      element.classList.add("is-ready");
      element.tabIndex = 0;
      var map = L.map(element, { scrollWheelZoom: false });
      var tiles = L.tileLayer(element.dataset.tileUrl, {
        attribution: element.dataset.attribution,
        maxZoom: 18,
      }).addTo(map);
      window.portalMap.watchTiles(tiles, element);
      window.portalMap.legend(L, map, element, ["venue"]);
      var points = venues.map(function (venue) {
        var point = [venue.latitude, venue.longitude];
        L.marker(point, { title: venue.name, alt: venue.name, icon: window.portalMap.pin(L, "venue") })
          .bindPopup(popupContent(venue))
          .addTo(map);
        return point;
      });
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
      element.dataset.markers = String(points.length);
    }).catch(function () {
      element.dataset.markers = "error";
    });
  }

  document.querySelectorAll("[data-festival-map]").forEach(setupMap);
})();
