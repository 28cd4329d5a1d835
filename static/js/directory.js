/* Directory: progressive enhancement of the filter form (the page works without it).
 * - Changing a filter reloads the results in place and updates the address.
 * - The search box suggests entry names as a combobox: that is search.js's, for every box
 *   naming a suggestion endpoint (data-search-suggest); "directory:updated" re-enhances it.
 */
(function () {
  "use strict";

  var layoutSelector = ".directory__layout";

  function formUrl(form) {
    // Facets take several values (type=a&type=b): drop only the empty ones.
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value) params.append(key, value);
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

  // A facet's "All" box clears its other boxes; choosing a value unticks "All".
  function syncAllBox(form, box) {
    if (box.type !== "checkbox") return;
    var group = form.querySelectorAll('input[type="checkbox"][name="' + box.name + '"]');
    Array.prototype.forEach.call(group, function (other) {
      if (other === box) return;
      if (box.hasAttribute("data-facet-all") && box.checked) other.checked = false;
      if (!box.hasAttribute("data-facet-all") && box.checked && other.hasAttribute("data-facet-all")) {
        other.checked = false;
      }
    });
  }

  function enhance() {
    var form = document.querySelector("[data-directory-form]");
    if (!form || form.dataset.enhanced) return;
    form.dataset.enhanced = "true";
    form.addEventListener("change", function (event) {
      if (["q", "near", "radius"].indexOf(event.target.name) !== -1) return;
      syncAllBox(form, event.target);
      replaceLayout(formUrl(form), true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      replaceLayout(formUrl(form), true);
    });
  }

  window.addEventListener("popstate", function () {
    replaceLayout(window.location.href, false);
  });

  enhance();
})();
