/* Formatting toolbar for the commendation body in the admin (news.widgets.RichTextarea).
   It only inserts the HTML tags the server keeps; the server sanitises whatever is saved. */
(function () {
  "use strict";

  var BLOCK = { p: true, h2: true, h3: true, blockquote: true };
  var LIST = { ul: true, ol: true };

  function escapeAttr(value) {
    return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function wrap(tag, text, toolbar) {
    if (LIST[tag]) {
      var lines = text.split(/\r?\n/).filter(function (line) { return line.trim() !== ""; });
      if (!lines.length) { lines = [""]; }
      var items = lines.map(function (line) { return "  <li>" + line.trim() + "</li>"; });
      return "<" + tag + ">\n" + items.join("\n") + "\n</" + tag + ">\n";
    }
    if (tag === "a") {
      var href = window.prompt(toolbar.getAttribute("data-link-prompt"), "https://");
      if (!href || !/^(https?:\/\/|mailto:|tel:)/i.test(href.trim())) { return null; }
      return '<a href="' + escapeAttr(href.trim()) + '">' + (text || href.trim()) + "</a>";
    }
    var html = "<" + tag + ">" + text + "</" + tag + ">";
    return BLOCK[tag] ? html + "\n" : html;
  }

  function apply(textarea, tag, toolbar) {
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    var selected = textarea.value.slice(start, end);
    var replacement = wrap(tag, selected, toolbar);
    if (replacement === null) { return; }
    textarea.focus();
    textarea.setRangeText(replacement, start, end, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function init() {
    document.querySelectorAll(".news-rich-text-toolbar").forEach(function (toolbar) {
      var textarea = document.getElementById(toolbar.getAttribute("data-target"));
      if (!textarea) { return; }
      toolbar.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-tag]");
        if (!button) { return; }
        event.preventDefault();
        apply(textarea, button.getAttribute("data-tag"), toolbar);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
