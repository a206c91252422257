/* Faceted pages (public/templates/faceted_macros.pt): a ticked or cleared box applies at once.
   The page says so first (WCAG 3.2.2); without script, "Apply filters" does the same. */
(function () {
  "use strict";
  document.querySelectorAll("form.faceted-form").forEach(function (form) {
    var hint = form.querySelector(".faceted-auto-hint");
    if (hint) {
      hint.hidden = false;
    }
    form.querySelectorAll(".faceted-facet input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", function () {
        // A new page from the first result on, as a press of "Apply filters" gives.
        var start = form.querySelector("input[name=b_start]");
        if (start) {
          start.remove();
        }
        if (form.requestSubmit) {
          form.requestSubmit();
        } else {
          form.submit();
        }
      });
    });
  });
})();
