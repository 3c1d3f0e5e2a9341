// Progressive enhancement: title suggestions while typing, through a native <datalist>.
(function () {
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.createElement("datalist");
  list.id = "search-suggestions";
  input.after(list);
  input.setAttribute("list", list.id);
  var timer, latest = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2 || text === latest) return;
    timer = setTimeout(function () {
      latest = text;
      fetch(input.dataset.suggestUrl + "&q=" + encodeURIComponent(text))
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          list.replaceChildren.apply(list, data.suggestions.map(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            return option;
          }));
        })
        .catch(function () {});
    }, 200);
  });
})();
