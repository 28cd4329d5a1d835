/* Programme page enhancements (everything works without them):
 * - the "More filters" panel starts open on wide screens, where it fits beside the results;
 * - the month calendar becomes a WAI-ARIA grid: one tab stop, arrow keys move from day to day
 *   (Home/End to the ends of the week, Ctrl+Home/End to the ends of the month), Enter follows
 *   the day's link. The titles inside each day stay clickable but leave the tab order: the
 *   day's list gives them all.
 */
(function () {
  "use strict";

  function openFiltersOnWideScreens() {
    if (!window.matchMedia("(min-width: 60rem)").matches) return;
    document.querySelectorAll("[data-programme-filters] details[data-open-wide]").forEach(
      function (details) { details.open = true; }
    );
  }

  function target(cell) {
    return cell.querySelector("a.month__date") || cell;
  }

  function setupGrid(table) {
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return Array.prototype.slice.call(row.cells);
    });
    var days = [];
    rows.forEach(function (cells) {
      cells.forEach(function (cell) {
        if (cell.dataset.date) days.push(cell);
      });
    });
    if (!days.length) return;
    table.setAttribute("role", "grid");
    var help = table.parentNode.querySelector("[data-calendar-help]");
    if (help) {
      help.hidden = false;
      table.setAttribute("aria-describedby", help.id);
    }
    // Cells of a table with role="grid" are grid cells already (a role on them is invalid).
    rows.forEach(function (cells) {
      cells.forEach(function (cell) {
        cell.querySelectorAll(".month__events a, .month__more").forEach(function (link) {
          link.tabIndex = -1;
        });
      });
    });
    days.forEach(function (cell) { target(cell).tabIndex = -1; });
    var current = days.find(function (cell) { return cell.getAttribute("aria-current") === "date"; })
      || days.find(function (cell) { return cell.querySelector("a.month__date"); })
      || days[0];
    target(current).tabIndex = 0;

    function daysOfRow(cell) {
      return Array.prototype.filter.call(cell.parentNode.cells, function (c) { return c.dataset.date; });
    }

    function move(to) {
      if (!to) return;
      target(current).tabIndex = -1;
      current = to;
      var element = target(current);
      element.tabIndex = 0;
      element.focus();
    }

    table.addEventListener("keydown", function (event) {
      var cell = event.target.closest("td[data-date]");
      if (!cell) return;
      current = cell;
      var index = days.indexOf(cell);
      var next = null;
      switch (event.key) {
        case "ArrowRight": next = days[index + 1]; break;
        case "ArrowLeft": next = days[index - 1]; break;
        case "ArrowDown": next = days[index + 7]; break;
        case "ArrowUp": next = days[index - 7]; break;
        case "Home":
          next = event.ctrlKey ? days[0] : daysOfRow(cell)[0];
          break;
        case "End":
          next = event.ctrlKey ? days[days.length - 1] : daysOfRow(cell).slice(-1)[0];
          break;
        default:
          return;
      }
      event.preventDefault();
      move(next);
    });
    table.addEventListener("focusin", function (event) {
      var cell = event.target.closest("td[data-date]");
      if (cell && cell !== current) {
        target(current).tabIndex = -1;
        current = cell;
        target(current).tabIndex = 0;
      }
    });
  }

  openFiltersOnWideScreens();
  document.querySelectorAll("table[data-calendar]").forEach(setupGrid);
})();
