/* The embed builder without reloading: any change fetches the same page for the new choices
   and swaps the filters (when the widget changes) and the code and preview; the "Copy the
   code" button appears. Without JavaScript the form's button does the same by reloading. */
(function () {
  "use strict";
  var form = document.querySelector("[data-embed-builder]");
  if (!form || !window.fetch || !window.DOMParser) return;
  var status = document.getElementById("embed-status");
  var pending = null;
  var lastWidget = form.querySelector("input[name=widget]:checked");
  lastWidget = lastWidget ? lastWidget.value : "";

  function say(message) {
    var live = document.getElementById("embed-status");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function wireCopy() {
    var button = document.querySelector("[data-copy]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var code = document.getElementById(button.dataset.copy);
      var done = function () { say(document.getElementById("embed-status").dataset.copied); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.value).then(done, function () {
          code.select();
          document.execCommand("copy");
          done();
        });
      } else {
        code.select();
        document.execCommand("copy");
        done();
      }
    });
  }

  function refresh() {
    var params = new URLSearchParams(new FormData(form));
    var url = form.action + "?" + params.toString();
    var widget = params.get("widget") || "";
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var result = next.getElementById("embed-result");
        if (result) document.getElementById("embed-result").replaceWith(result);
        if (widget !== lastWidget) {
          var filters = next.getElementById("embed-filters");
          if (filters) document.getElementById("embed-filters").replaceWith(filters);
          lastWidget = widget;
        }
        window.history.replaceState(null, "", url);
        wireCopy();
        say(document.getElementById("embed-status").dataset.updated);
      })
      .catch(function () { form.submit(); });
  }

  form.addEventListener("change", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(refresh, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh();
  });
  wireCopy();
  if (status) status.textContent = "";
})();
