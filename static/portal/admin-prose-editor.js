/* The commendation body's editor (news/editor.py), for every reader: the editing area is named
   by the field's label, and the toolbar's English button names, its menu entries and its
   dialogs' choices are put through the admin's catalogue
   (packages/locale/vi/LC_MESSAGES/djangojs.po). */
(function () {
  "use strict";
  var translate = window.gettext || function (text) { return text; };

  function translateText(element) {
    var text = element.textContent.trim();
    var name = translate(text);
    if (text && name !== text) { element.textContent = name; }
  }

  // An icon button shows its icon as a ligature ("format_bold" drawn by the icon font): that
  // word is hidden from screen readers, which read the button's translated name instead.
  function hideLigature(button) {
    var text = button.firstChild;
    if (button.childNodes.length !== 1 || !text || text.nodeType !== Node.TEXT_NODE) { return; }
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = text.textContent;
    button.replaceChildren(icon);
  }

  function translateEditor(wrapper) {
    wrapper.querySelectorAll(".prose-menubar__button[title]").forEach(function (button) {
      var name = translate(button.getAttribute("title"));
      // Set only what differs: the observer below sees every change made here.
      if (button.getAttribute("title") !== name) { button.setAttribute("title", name); }
      if (button.getAttribute("aria-label") !== name) { button.setAttribute("aria-label", name); }
      hideLigature(button);
      // The editor greys out a button it cannot use now ("disabled" class) without telling
      // assistive technology: say it.
      var off = button.classList.contains("disabled") ? "true" : "false";
      if (button.getAttribute("aria-disabled") !== off) { button.setAttribute("aria-disabled", off); }
    });
    wrapper.querySelectorAll(".prose-menubar__option").forEach(translateText);
    // A dialog's choices ("Yes", "No" for a table's header row) are English in the editor; their
    // values stay as the editor reads them.
    wrapper.querySelectorAll("dialog option").forEach(translateText);
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var wrapper = textarea.closest(".prose-editor") || textarea.parentElement;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var area = wrapper.querySelector(".tiptap[contenteditable]");
    if (area && label) {
      area.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
    // The menu bar is drawn after the editor is ready, its buttons change with the cursor (a
    // table's appear inside a table) and its dialogs open inside it, so its names are
    // translated whenever it changes.
    translateEditor(wrapper);
    new MutationObserver(function () { translateEditor(wrapper); }).observe(wrapper, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["title", "class"]
    });
  });
})();
