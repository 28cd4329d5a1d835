/* Directory: progressive enhancement of the filter form (the page works without it).
 * - Changing a filter reloads the results in place and updates the address; the "apply"
 *   button is then not needed, and the new count is announced (a status outside the part
 *   replaced, since a live region inserted afresh is not read).
 * - The filters panel (<details>, closed on phones so that the results come first) is opened
 *   on wide screens, where it is a sidebar, and keeps its state when the results reload.
 * - The search box suggests entry names as a combobox: that is search.js's, for every box
 *   naming a suggestion endpoint (data-search-suggest); "directory:updated" re-enhances it.
 */
(function () {
  "use strict";

  var layoutSelector = ".directory__layout";
  var wide = window.matchMedia("(min-width: 60rem)");

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
        var panel = layout.querySelector("[data-directory-panel]");
        var freshPanel = fresh.querySelector("[data-directory-panel]");
        if (panel && freshPanel) freshPanel.open = panel.open;
        layout.replaceWith(fresh);
        announce(fresh);
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

  function announce(layout) {
    var status = document.querySelector("[data-directory-status]");
    var heading = layout.querySelector("#directory-results-heading");
    if (status && heading) status.textContent = heading.textContent.trim();
  }

  function enhance() {
    var form = document.querySelector("[data-directory-form]");
    if (!form || form.dataset.enhanced) return;
    form.dataset.enhanced = "true";
    var apply = form.querySelector("[data-directory-apply]");
    if (apply) apply.hidden = true;
    var panel = form.querySelector("[data-directory-panel]");
    if (panel && wide.matches) panel.open = true;
    form.addEventListener("change", function (event) {
      // The search box applies on Enter (it suggests names as one types).
      if (event.target.name === "q") return;
      syncAllBox(form, event.target);
      replaceLayout(formUrl(form), true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      replaceLayout(formUrl(form), true);
    });
  }

  // Turning a phone or widening a window: the sidebar shows, the phone's panel folds.
  wide.addEventListener("change", function () {
    var panel = document.querySelector("[data-directory-panel]");
    if (panel) panel.open = wide.matches;
  });

  window.addEventListener("popstate", function () {
    replaceLayout(window.location.href, false);
  });

  enhance();
})();
