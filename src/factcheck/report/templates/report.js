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
      document.querySelectorAll("section.kind-group").forEach(function (group) {
        group.hidden = !shown[group.dataset.kind];
      });
    });
  }
  // a citation or a finding's quote opens the folded article or list it points into
  function reveal(id) {
    var node = id ? document.getElementById(id) : null;
    for (; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link) reveal(decodeURIComponent(link.getAttribute("href").slice(1)));
  });
  window.addEventListener("hashchange", function () { reveal(location.hash.slice(1)); });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  reveal(location.hash.slice(1));
  document.documentElement.classList.add("js");
})();
