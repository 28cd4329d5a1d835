/* Directory: progressive enhancement of the filter form (the page works without it).
 * - Changing a filter reloads the results in place and updates the address.
 * - The search box suggests entry names from the page's autocomplete endpoint.
 */
(function () {
  "use strict";

  var layoutSelector = ".directory__layout";

  function formUrl(form) {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (key) {
      if (!params.get(key)) params.delete(key);
    });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  function replaceLayout(url, push) {
    var layout = document.querySelector(layoutSelector);
    if (!layout) return;
    var active = document.activeElement;
    var activeId = active && active.id;
    var results = layout.querySelector("[data-directory-results]");
    if (results) results.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector(layoutSelector);
        if (!fresh) throw new Error("no layout");
        layout.replaceWith(fresh);
        if (push) history.pushState({ directory: true }, "", url);
        document.title = doc.title;
        enhance();
        document.dispatchEvent(new CustomEvent("directory:updated"));
        var again = activeId && document.getElementById(activeId);
        if (again) again.focus();
      })
      .catch(function () {
        window.location.href = url;
      });
  }

  function setupAutocomplete(form) {
    var input = form.querySelector('input[name="q"]');
    var endpoint = form.getAttribute("data-autocomplete-url");
    if (!input || !endpoint) return;
    var list = document.createElement("datalist");
    list.id = "directory-suggestions";
    form.appendChild(list);
    input.setAttribute("list", list.id);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) return;
      timer = setTimeout(function () {
        fetch(endpoint + "?q=" + encodeURIComponent(value), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (result) {
              var option = document.createElement("option");
              option.value = result.title;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  }

  function enhance() {
    var form = document.querySelector("[data-directory-form]");
    if (!form || form.dataset.enhanced) return;
    form.dataset.enhanced = "true";
    form.addEventListener("change", function (event) {
      if (["q", "near", "radius"].indexOf(event.target.name) !== -1) return;
      replaceLayout(formUrl(form), true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      replaceLayout(formUrl(form), true);
    });
    setupAutocomplete(form);
  }

  window.addEventListener("popstate", function () {
    replaceLayout(window.location.href, false);
  });

  enhance();
})();
