// Filter panels (<details data-open-wide>) are folded on a phone so the results come first; on a
// wide screen there is room, so they start open. Without script they are open only when a
// filter is given, and the summary opens them.
if (window.matchMedia("(min-width: 992px)").matches) {
  document.querySelectorAll("details[data-open-wide]").forEach((panel) => {
    panel.open = true;
  });
}
