/* The commendation body's editor (news/editor.py), for every reader: the editing area is named
   by the field's label, and the toolbar's English button names are put through the admin's
   catalogue (packages/locale/vi/LC_MESSAGES/djangojs.po). */
(function () {
  "use strict";
  var translate = window.gettext || function (text) { return text; };

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var wrapper = textarea.closest(".prose-editor") || textarea.parentElement;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var area = wrapper.querySelector(".tiptap[contenteditable]");
    if (area && label) {
      area.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
    wrapper.querySelectorAll(".prose-menubar__button[title]").forEach(function (button) {
      var name = translate(button.getAttribute("title"));
      button.setAttribute("title", name);
      button.setAttribute("aria-label", name);
    });
  });
})();
