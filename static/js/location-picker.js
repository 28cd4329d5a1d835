/* The pin on the organisation and place forms (progressive enhancement: without this script
 * the partner types the latitude and longitude, which is all the server reads).
 * A click places or moves the pin, the pin can be dragged, and a keyboard user pans the
 * focused map with the arrow keys then presses "Place the pin at the centre of the map".
 * Typing in the fields moves the pin. Needs leaflet-loader.js; configured by data attributes.
 */
(function () {
  "use strict";

  var FRANCE = [46.5, 2.5];

  // "48,87" is how French users type it; the server accepts it too.
  function read(input, limit) {
    var text = input.value.trim().replace(",", ".").replace("\u2212", "-");
    if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
    var number = Number(text);
    return Math.abs(number) <= limit ? number : null;
  }

  function show(number) {
    return String(Number(number.toFixed(6)));
  }

  function setup(picker) {
    var form = picker.closest("form");
    var latitude = form.elements.latitude;
    var longitude = form.elements.longitude;
    var status = picker.querySelector("[data-location-status]");
    var canvas = picker.querySelector("[data-location-map]");
    picker.hidden = false;

    window.portalLeaflet(picker).then(function (L) {
      var map = L.map(canvas, { scrollWheelZoom: false });
      var tiles = L.tileLayer(picker.dataset.tileUrl, {
        attribution: picker.dataset.attribution,
        maxZoom: 18,
      }).addTo(map);
      window.portalMap.watchTiles(tiles, picker);
      var marker = null;

      function typed() {
        var lat = read(latitude, 90);
        var lng = read(longitude, 180);
        return lat === null || lng === null ? null : L.latLng(lat, lng);
      }

      function putMarker(point) {
        if (!marker) {
          marker = L.marker(point, { draggable: true, alt: picker.dataset.labelPin, title: picker.dataset.labelPin });
          marker.on("dragend", function () { choose(marker.getLatLng()); });
          marker.addTo(map);
        } else {
          marker.setLatLng(point);
        }
      }

      function choose(point) {
        point = point.wrap();
        latitude.value = show(point.lat);
        longitude.value = show(point.lng);
        putMarker(point);
        status.textContent = picker.dataset.labelPlaced
          .replace("{latitude}", latitude.value)
          .replace("{longitude}", longitude.value);
      }

      function remove() {
        latitude.value = "";
        longitude.value = "";
        if (marker) marker.remove();
        marker = null;
        status.textContent = picker.dataset.labelRemoved;
      }

      function follow() {
        var point = typed();
        if (point) {
          putMarker(point);
          map.panTo(point);
        } else if (marker && !latitude.value.trim() && !longitude.value.trim()) {
          marker.remove();
          marker = null;
        }
      }

      var start = typed();
      if (start) {
        map.setView(start, 15);
        putMarker(start);
      } else {
        map.setView(FRANCE, 5);
      }
      map.on("click", function (event) { choose(event.latlng); });
      picker.querySelector("[data-location-centre]").addEventListener("click", function () {
        choose(map.getCenter());
      });
      picker.querySelector("[data-location-remove]").addEventListener("click", remove);
      latitude.addEventListener("input", follow);
      longitude.addEventListener("input", follow);
      picker.dataset.ready = "true";
    }).catch(function () {
      // Without Leaflet the fields are all there is: hide the map's part of the form.
      picker.hidden = true;
    });
  }

  document.querySelectorAll("[data-location-picker]").forEach(setup);
})();
