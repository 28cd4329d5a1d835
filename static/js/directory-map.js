/* Directory map and "near a point" (progressive enhancement: the list works without it).
 * - A [data-directory-map] element gets a Leaflet map of the GeoJSON export of the current
 *   filters; Leaflet (static/vendor/leaflet/) is loaded only when a map is on the page.
 * - Selecting a point on the map, or "Use my position", fills the form's `near` field and
 *   submits it, so the list below is sorted by distance.
 * Configuration comes from data attributes: no inline script.
 */
(function () {
  "use strict";

  function form() {
    return document.querySelector("[data-directory-form]");
  }

  function searchNear(latitude, longitude) {
    var filters = form();
    if (!filters || !filters.elements.near) return;
    filters.elements.near.value = latitude.toFixed(5) + "," + longitude.toFixed(5);
    // The select shows the current order (by name before a point is chosen): sort by distance.
    if (filters.elements.sort) filters.elements.sort.value = "distance";
    if (filters.requestSubmit) filters.requestSubmit();
    else filters.submit();
  }

  function popupContent(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    if (document.body.classList.contains("directory-embed")) {
      link.target = "_blank";
      link.rel = "noopener";
    }
    var title = document.createElement("strong");
    title.appendChild(link);
    box.appendChild(title);
    if (properties.summary) {
      var summary = document.createElement("p");
      summary.textContent = properties.summary;
      box.appendChild(summary);
    }
    return box;
  }

  function setupMap(element) {
    if (element.dataset.ready) return;
    element.dataset.ready = "true";
    window.portalLeaflet(element).then(function (L) {
      element.replaceChildren();
      element.classList.add("is-ready");
      element.tabIndex = 0;
      var map = L.map(element, { scrollWheelZoom: false }).setView([46.5, 2.5], 5);
      var tiles = L.tileLayer(element.dataset.tileUrl, {
        attribution: element.dataset.attribution,
        maxZoom: 18,
      }).addTo(map);
      window.portalMap.watchTiles(tiles, element);
      window.portalMap.legend(L, map, element, ["organisation", "place"]);
      var bounds = [];
      if (element.dataset.origin) {
        var origin = element.dataset.origin.split(",").map(Number);
        var radius = Number(element.dataset.radius) * 1000;
        var circle = L.circle(origin, { radius: radius, weight: 1, fillOpacity: 0.05 }).addTo(map);
        circle.bindTooltip(element.dataset.labelOrigin || "");
        bounds.push(circle.getBounds().getNorthEast(), circle.getBounds().getSouthWest());
      }
      map.on("click", function (event) {
        searchNear(event.latlng.lat, event.latlng.lng);
      });
      fetch(element.dataset.geojsonUrl, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          var layer = L.geoJSON(data, {
            onEachFeature: function (feature, marker) {
              marker.bindPopup(popupContent(feature.properties));
              if (marker.options) marker.options.title = feature.properties.name;
            },
            pointToLayer: function (feature, latlng) {
              var type = feature.properties.entry_type === "organisation" ? "organisation" : "place";
              return L.marker(latlng, {
                title: feature.properties.name,
                alt: feature.properties.name,
                icon: window.portalMap.pin(L, type),
              });
            },
          }).addTo(map);
          element.dataset.markers = String(data.features.length);
          if (data.features.length) {
            var layerBounds = layer.getBounds();
            bounds.push(layerBounds.getNorthEast(), layerBounds.getSouthWest());
          }
          if (bounds.length) map.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 13 });
        })
        .catch(function () {
          element.dataset.markers = "error";
        });
    }).catch(function () {
      element.dataset.ready = "";
    });
  }

  function setupLocate(fieldset) {
    if (fieldset.dataset.enhanced || !navigator.geolocation) return;
    fieldset.dataset.enhanced = "true";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = fieldset.dataset.labelLocate;
    var status = document.createElement("p");
    status.className = "helptext";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(
        function (position) {
          searchNear(position.coords.latitude, position.coords.longitude);
        },
        function () {
          status.textContent = fieldset.dataset.labelLocateFailed;
        },
        { timeout: 10000, maximumAge: 600000 }
      );
    });
    fieldset.appendChild(button);
    fieldset.appendChild(status);
  }

  function enhance() {
    document.querySelectorAll("[data-directory-map]").forEach(setupMap);
    document.querySelectorAll("[data-directory-near]").forEach(setupLocate);
  }

  document.addEventListener("directory:updated", enhance);
  enhance();
})();
