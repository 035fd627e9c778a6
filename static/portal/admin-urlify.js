/* The admin fills slug fields with the server's own folding (kit/text.py, vi_slugify):
   "Đồng chí Đặng Thị Lan" -> "dong-chi-dang-thi-lan". Django's urlify.js maps "đ" to "dj" and
   drops letters with two marks ("ồ"), so its URLify is replaced. Deferred, this runs after
   urlify.js; prepopulate.js looks URLify up each time it fills a field. */
"use strict";
(function () {
    function fold(text) {
        return text
            .replace(/[đĐÐ]/g, function (c) { return c === "đ" ? "d" : "D"; })
            .normalize("NFKD")
            .replace(/\p{M}/gu, "");
    }

    // The same steps as Django's slugify on the folded text, then the field's length.
    window.URLify = function (text, maxLength) {
        let slug = fold(text).replace(/[^\x00-\x7f]/g, "").toLowerCase();
        slug = slug.replace(/[^\w\s-]/g, "").replace(/[-\s]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
        return slug.substring(0, maxLength).replace(/^-+|-+$/g, "");
    };
})();
