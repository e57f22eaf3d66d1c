(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message));
    document.body.setAttribute("data-errors", errors.join(" | "));
  });
  var table = document.getElementById("functions");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById("filter-text");
  var level = document.getElementById("filter-level");
  var count = document.getElementById("shown-count");

  function filter() {
    var text = search.value.trim().toLowerCase();
    var wanted = level.value;
    var shown = 0;
    rows.forEach(function (row) {
      var matches = (!text || row.getAttribute("data-search").indexOf(text) >= 0) &&
        (!wanted || row.getAttribute("data-level") === wanted ||
          (wanted === "at-risk+" && (row.getAttribute("data-level") === "at-risk" ||
            row.getAttribute("data-level") === "serious")));
      row.hidden = !matches;
      if (matches) { shown++; }
    });
    count.textContent = String(shown);
    document.body.setAttribute("data-shown", String(shown));
  }

  function sortBy(header) {
    var index = header.cellIndex;
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-value") || a.cells[index].textContent;
      var y = b.cells[index].getAttribute("data-value") || b.cells[index].textContent;
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
    header.addEventListener("click", function () { sortBy(header); });
  });
  search.addEventListener("input", filter);
  level.addEventListener("change", filter);

  // A filter can be given in the address: report.html#filter=orders&level=serious
  var hash = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  if (hash.get("filter")) { search.value = hash.get("filter"); }
  if (hash.get("level")) { level.value = hash.get("level"); }
  filter();
  document.body.setAttribute("data-ready", "true");
})();
