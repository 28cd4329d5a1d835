/* Audience figures without cookies (audience/tracker.py): one request per page view to the
   association's own Matomo or Plausible. No cookie, no identifier, no credentials; the page
   address is sent without its query string, the referrer only when it is another site. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var tool = script.dataset.tool;
  var endpoint = script.dataset.endpoint;
  var site = script.dataset.site;
  // Readers who ask not to be followed are not counted.
  if (navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.globalPrivacyControl) return;
  // Private pages (links with a token) are never counted.
  var robots = document.querySelector('meta[name="robots"]');
  if (robots && robots.content.indexOf("noindex") !== -1) return;

  var page = location.origin + location.pathname;
  var referrer = "";
  try {
    var from = new URL(document.referrer);
    if (from.origin !== location.origin) referrer = from.origin + "/";
  } catch (error) {
    referrer = "";
  }
  // A statistics server that is down must not trouble the page.
  function send(url, options) { fetch(url, options).catch(function () {}); }
  var options = { method: "POST", mode: "no-cors", credentials: "omit", keepalive: true, referrerPolicy: "no-referrer" };

  if (tool === "matomo") {
    var params = new URLSearchParams({
      idsite: site, rec: "1", apiv: "1", send_image: "0", url: page,
      action_name: document.title, urlref: referrer, rand: String(Math.random()).slice(2, 10)
    });
    send(endpoint + "?" + params.toString(), options);
  } else if (tool === "plausible") {
    options.headers = { "Content-Type": "text/plain" };
    options.body = JSON.stringify({ n: "pageview", u: page, d: site, r: referrer || null });
    send(endpoint, options);
  }
})();
