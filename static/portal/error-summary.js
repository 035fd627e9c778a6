// The error summary at the top of a form sent back with errors (templates/includes/
// _error_summary.html). Without script the summary is still read out (role="alert") and its
// links still scroll to the fields; this file only moves the focus there.
const summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const input = link && document.getElementById(link.hash.slice(1));
    if (!input) return;
    event.preventDefault();
    // The field's label (or its group's legend) above it stays in view, as GOV.UK's summary does.
    const heading = input.closest("fieldset")?.querySelector("legend")
      || document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    (heading || input).scrollIntoView();
    input.focus({ preventScroll: true });
    history.replaceState(null, "", link.hash);
  });
}
