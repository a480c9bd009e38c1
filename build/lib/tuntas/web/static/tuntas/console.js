// Console enhancements. Everything works without this file; it only saves clicks.
(function () {
  "use strict";

  // Inbox filters: a changed select applies the filter at once (htmx swaps the results in place).
  document.addEventListener("change", function (event) {
    var field = event.target;
    var form = field.closest ? field.closest("form[data-autosubmit]") : null;
    if (!form || field.tagName !== "SELECT") return;
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  });

  // Phones: the filter panel starts folded unless a filter is in use (without JS it simply stays open).
  var small = window.matchMedia && window.matchMedia("(max-width: 47.99rem)").matches;
  document.querySelectorAll("details[data-collapse-small]").forEach(function (details) {
    if (small && !details.hasAttribute("data-filtered")) details.open = false;
  });

  // An opened action form moves focus to its first input, so keyboard users land where they type.
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (!details.classList || !details.classList.contains("c-action") || !details.open) return;
    var input = details.querySelector("form input:not([type=hidden]), form select, form textarea");
    if (input) input.focus();
  }, true);
})();
