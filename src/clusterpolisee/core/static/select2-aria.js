/* Plone's type-ahead (pat-select2, select2 3.5) told to screen readers: its input is a combobox,
 * its list of suggestions a listbox of options, whether the list is open and which one it is.
 * Select2 draws and redraws the list as a person types: each change is mended. Loaded by the
 * pages that use the type-ahead (the compose form of messages). */
(function () {
  "use strict";

  function mendList(list) {
    if (!list.id) {
      list.id = "select2-results-" + Math.random().toString(36).slice(2);
    }
    if (list.getAttribute("role") !== "listbox") {
      list.setAttribute("role", "listbox");
    }
    // "No matches found", "Searching…": a line of the list that cannot be chosen.
    list.querySelectorAll(":scope > li:not([role])").forEach(function (line) {
      line.setAttribute("role", "option");
      line.setAttribute("aria-disabled", "true");
    });
  }

  function mend() {
    document.querySelectorAll(".select2-results").forEach(mendList);
    var open = document.querySelector(".select2-drop-active .select2-results");
    document.querySelectorAll(".select2-container input.select2-input").forEach(function (input) {
      var active = input.closest(".select2-container-active") !== null && open !== null;
      input.setAttribute("role", "combobox");
      input.setAttribute("aria-autocomplete", "list");
      input.setAttribute("aria-expanded", active ? "true" : "false");
      if (active) {
        input.setAttribute("aria-controls", open.id);
      }
    });
    // The cross on each chosen name is for the mouse (Backspace removes by keyboard).
    document.querySelectorAll(".select2-search-choice-close").forEach(function (cross) {
      cross.setAttribute("aria-hidden", "true");
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        mend();
      });
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class"],
  });
})();
