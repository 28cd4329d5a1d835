/* Suggestions under every search box that names a suggestion endpoint (data-search-suggest):
 * the header's site search and the directory's own box. Without JavaScript the boxes are
 * plain GET forms. The list follows the WAI-ARIA combobox pattern: arrows move, Enter opens,
 * Escape closes. Boxes put in the page later (the directory replaces its form in place) are
 * enhanced when "directory:updated" is sent.
 */
(function () {
  "use strict";

  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-search-suggest");
    if (!url || input.hasAttribute("data-search-enhanced")) return;
    input.setAttribute("data-search-enhanced", "");
    var list = document.createElement("ul");
    var id = "search-suggestions-" + ++counter;
    var timer = null;
    var active = -1;
    list.id = id;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.classList.add("search-suggest");
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function show(results) {
      list.textContent = "";
      results.forEach(function (result, index) {
        var item = document.createElement("li");
        // No link inside an option (nothing focusable in it): the box keeps the focus, arrows
        // choose, Enter or a click opens the page.
        var label = document.createElement("span");
        var type = document.createElement("span");
        item.id = id + "-" + index;
        item.setAttribute("role", "option");
        item.dataset.url = result.url;
        label.className = "search-suggestions__link";
        label.textContent = result.title;
        if (result.type) {
          type.className = "search-suggestions__type";
          type.textContent = result.type;
          label.appendChild(type);
        }
        item.appendChild(label);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // before the box's blur closes the list
          window.location.href = item.dataset.url;
        });
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    function select(index) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, position) {
        item.setAttribute("aria-selected", position === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) return close();
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { if (input.value.trim() === query) show(data.results || []); })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("[role=option]")[active].dataset.url;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }

  function enhanceWithin(root) {
    root.querySelectorAll("input[data-search-suggest]").forEach(enhance);
  }

  enhanceWithin(document);
  document.addEventListener("directory:updated", function () { enhanceWithin(document); });
})();
