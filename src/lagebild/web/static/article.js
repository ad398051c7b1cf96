// Article page: selecting an event card highlights its evidence in the text (and back).
// Text is never written as HTML here: only classes change.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) { return; }
  var spans = Array.prototype.slice.call(text.querySelectorAll("[data-ev]"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".ev-card[data-ev]"));

  function ids(el) { return (el.getAttribute("data-ev") || "").split(" ").filter(Boolean); }

  function select(id) {
    spans.forEach(function (s) { s.classList.toggle("active", ids(s).indexOf(id) >= 0); });
    cards.forEach(function (c) { c.classList.toggle("selected", c.getAttribute("data-ev") === id); });
  }

  cards.forEach(function (card) {
    var id = card.getAttribute("data-ev");
    card.addEventListener("click", function () { select(id); });
    card.addEventListener("keydown", function (e) { if (e.key === "Enter") { select(id); } });
  });
  spans.forEach(function (s) {
    s.addEventListener("click", function () {
      var evs = ids(s);
      if (!evs.length) { return; }
      select(evs[0]);
      var card = cards.filter(function (c) { return c.getAttribute("data-ev") === evs[0]; })[0];
      if (card && card.scrollIntoView) { card.scrollIntoView({ block: "nearest" }); }
    });
  });
  if (location.hash.indexOf("#ev-") === 0) {
    select(decodeURIComponent(location.hash.slice(4)));
  }
})();
