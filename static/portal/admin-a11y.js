// Gives the admin's autocomplete boxes (select2) the accessible name of their field's label.
// select2 names its combobox only by the chosen value, so an empty box has no name at all.
// The boxes appear whenever jQuery gets to them (and when inline forms are added), so they are
// named as they are inserted.
"use strict";
(function () {
  function name(selection) {
    const container = selection.querySelector(".select2-selection__rendered");
    const select = selection.closest(".select2-container")?.previousElementSibling;
    const label = select?.id && document.querySelector(`label[for="${select.id}"]`);
    if (!container || !label) {
      return;
    }
    if (!label.id) {
      label.id = `${select.id}-label`;
    }
    selection.setAttribute("aria-labelledby", `${label.id} ${container.id}`);
    container.setAttribute("aria-labelledby", label.id); // the read-only box showing the value
  }

  function nameWithin(root) {
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (root.matches(".select2-selection[role=combobox]")) {
      name(root);
    }
    root.querySelectorAll(".select2-selection[role=combobox]").forEach(name);
  }

  new MutationObserver((records) => {
    records.forEach((record) => record.addedNodes.forEach(nameWithin));
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => nameWithin(document.body));
})();
