// The print buttons of the pages (button[data-print]): hidden in the markup,
// shown and working when scripts run. Without them the browser's own print
// command prints the same page.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
