(function () {
  "use strict";
  var only = document.getElementById("only-conflicts");
  var gridFilters = document.getElementById("grid-filters");
  if (only && gridFilters) {
    gridFilters.hidden = false;
    only.addEventListener("change", function () {
      document.querySelectorAll("#grid-table tbody tr").forEach(function (row) {
        row.hidden = only.checked && !row.classList.contains("row-conflict");
      });
    });
  }
  var findingFilters = document.getElementById("finding-filters");
  if (findingFilters) {
    findingFilters.hidden = false;
    findingFilters.addEventListener("change", function () {
      var shown = {};
      findingFilters.querySelectorAll(".kind-filter").forEach(function (box) {
        shown[box.value] = box.checked;
      });
      document.querySelectorAll("article.finding").forEach(function (item) {
        item.hidden = !shown[item.dataset.kind];
      });
    });
  }
  document.documentElement.classList.add("js");
})();
