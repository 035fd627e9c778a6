/* The commendation body's editor (news/editor.py), for every reader: the editing area is named
   by the field's label, and the toolbar's English button names and menu entries are put through
   the admin's catalogue (packages/locale/vi/LC_MESSAGES/djangojs.po). */
(function () {
  "use strict";
  var translate = window.gettext || function (text) { return text; };

  function translateMenu(wrapper) {
    wrapper.querySelectorAll(".prose-menubar__button[title]").forEach(function (button) {
      var name = translate(button.getAttribute("title"));
      // Set only what differs: the observer below sees every change made here.
      if (button.getAttribute("title") !== name) { button.setAttribute("title", name); }
      if (button.getAttribute("aria-label") !== name) { button.setAttribute("aria-label", name); }
    });
    wrapper.querySelectorAll(".prose-menubar__option").forEach(function (option) {
      var text = option.textContent.trim();
      var name = translate(text);
      if (text && name !== text) { option.textContent = name; }
    });
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var wrapper = textarea.closest(".prose-editor") || textarea.parentElement;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var area = wrapper.querySelector(".tiptap[contenteditable]");
    if (area && label) {
      area.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
    // The menu bar is drawn after the editor is ready, and its buttons change with the cursor
    // (a table's buttons appear inside a table), so its names are translated whenever it does.
    translateMenu(wrapper);
    new MutationObserver(function () { translateMenu(wrapper); }).observe(wrapper, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["title"]
    });
  });
})();
