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

  // A long unit list (disposisi to ~250 units) gets a search box above it: typing keeps only the units whose
  // name (or group) contains what was typed; the chosen unit always stays. Without JS: the grouped list.
  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  document.querySelectorAll("select[data-org-picker]").forEach(function (select) {
    var all = Array.prototype.map.call(select.children, function (node) { return node.cloneNode(true); });
    var box = document.createElement("input");
    box.type = "search";
    box.className = "c-picker-search";
    box.placeholder = select.getAttribute("data-search-label") || "";
    box.setAttribute("aria-label", box.placeholder);
    box.setAttribute("aria-controls", select.id);
    box.autocomplete = "off";
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      var chosen = select.value;
      var matches = function (option, group) {
        if (!option.value || option.value === chosen) return true;
        var text = fold(option.textContent + " " + group);
        return words.every(function (w) { return text.indexOf(w) !== -1; });
      };
      select.textContent = "";
      all.forEach(function (node) {
        if (node.tagName === "OPTGROUP") {
          var group = node.cloneNode(false);
          Array.prototype.forEach.call(node.children, function (option) {
            if (matches(option, node.label)) group.appendChild(option.cloneNode(true));
          });
          if (group.children.length) select.appendChild(group);
        } else if (matches(node, "")) {
          select.appendChild(node.cloneNode(true));
        }
      });
      select.value = chosen;
    });
  });
})();
