/* PM Genome events/: filter the coming editions by segment and place.
 *
 * The choice lives in the query string (?segment=design&place=DE), as on Explore, so a view
 * can be shared. Without this script every edition stays listed; the form shows only with it.
 * Rows carry their segments and place as data attributes; nothing is fetched.
 */
(function () {
  "use strict";

  const FIELDS = ["segment", "place"];

  function chosen(form) {
    const values = {};
    FIELDS.forEach(function (name) { values[name] = form.elements[name].value; });
    return values;
  }

  function matches(row, values) {
    const segments = (row.dataset.segments || "").split(" ");
    return (!values.segment || segments.indexOf(values.segment) !== -1) &&
      (!values.place || row.dataset.place === values.place);
  }

  function apply(form, rows, months, none) {
    const values = chosen(form);
    let shown = 0;
    rows.forEach(function (row) {
      const visible = matches(row, values);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    months.forEach(function (month) {
      month.hidden = !month.querySelector(".pmg-event:not([hidden])");
    });
    if (none) {
      none.hidden = shown > 0;
    }
    form.querySelector("output").textContent = shown + (shown === 1 ? " event" : " events") + " shown";
    const params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      if (values[name]) {
        params.set(name, values[name]);
      } else {
        params.delete(name);
      }
    });
    const search = params.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function init() {
    const form = document.querySelector("[data-pmg-event-filters]");
    if (!form || form.dataset.started) {
      return;
    }
    form.dataset.started = "true";
    const rows = Array.prototype.slice.call(document.querySelectorAll(".pmg-event"));
    const months = Array.prototype.slice.call(document.querySelectorAll("[data-month]"));
    const none = document.querySelector("[data-pmg-events-none]");
    const asked = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      const select = form.elements[name];
      const value = asked.get(name) || "";
      // Only a value the page offers is taken from the address; anything else means "all".
      select.value = Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      }) ? value : "";
      select.addEventListener("change", function () { apply(form, rows, months, none); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(form, rows, months, none);
  }

  window.PmgPage.onEveryPage(init);
})();
