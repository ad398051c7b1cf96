// Events page: choosing a category, certainty or negation applies the filter at once.
(function () {
  "use strict";
  var form = document.getElementById("event-filters");
  if (!form) { return; }
  Array.prototype.forEach.call(form.querySelectorAll("select"), function (sel) {
    sel.addEventListener("change", function () {
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });
})();
