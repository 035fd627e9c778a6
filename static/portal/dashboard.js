// The review report's Print button. Without script the button stays hidden and the report is
// printed from the browser's own menu (Ctrl+P): nothing depends on this file.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
