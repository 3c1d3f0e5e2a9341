// The archive's search page: Pagefind's interface, started with the words of the
// header's search box (?q=). The list of all items below works without it.
(function () {
  var container = document.getElementById("archive-search");
  if (!container || typeof PagefindUI === "undefined") return;
  if (window.location.protocol === "file:") {
    document.getElementById("archive-search-from-disk").hidden = false;
  }
  // Pagefind addresses its results from its own folder's parent, the language's folder.
  var search = new PagefindUI({
    element: "#archive-search",
    showImages: false,
    resetStyles: false,
  });
  var words = new URLSearchParams(window.location.search).get("q");
  if (words) search.triggerSearch(words);
})();
