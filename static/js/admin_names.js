// The admin's unlabelled controls get accessible names (axe: label, aria-input-field-name):
// - a field in a table (tabular inlines, the review queue's editable columns) is named by its
//   column's header and its row ("Role, row 2");
// - a select2 picker (autocomplete) by its field's label or column, beside the value it shows.
(() => {
  const columnName = (control) => {
    const cell = control.closest("td");
    const table = control.closest("table");
    if (!cell || !table) return "";
    const header = table.querySelectorAll("thead th")[cell.cellIndex];
    const row = control.closest("tr");
    const rows = [...table.querySelectorAll("tbody tr.form-row, tbody tr")].filter((r) => !r.classList.contains("empty-form"));
    const number = rows.indexOf(row) + 1;
    const text = header ? header.textContent.replace(/\s+/g, " ").trim() : "";
    return text ? `${text.charAt(0) + text.slice(1).toLowerCase()}, row ${number}` : "";
  };
  const labelOf = (control) => {
    const label = control.id && document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  };
  const nameControls = (root) => {
    root.querySelectorAll("td input:not([type=hidden]), td select, td textarea").forEach((control) => {
      if (labelOf(control) || control.getAttribute("aria-label") || control.closest("label")) return;
      const name = columnName(control);
      if (name) control.setAttribute("aria-label", name);
    });
    root.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const selection = select.parentElement.querySelector(".select2-selection[role=combobox]");
      if (!selection || selection.dataset.named) return;
      const name = labelOf(select) || select.getAttribute("aria-label") || columnName(select) || select.name;
      const hint = document.createElement("span");
      hint.id = `${select.id || select.name}-picker-name`;
      hint.className = "visually-hidden";
      hint.textContent = name;
      select.parentElement.insertBefore(hint, select);
      const shown = selection.getAttribute("aria-labelledby");
      selection.setAttribute("aria-labelledby", shown ? `${hint.id} ${shown}` : hint.id);
      const rendered = selection.querySelector("[role=textbox]");  // the value shown, read-only
      if (rendered) rendered.setAttribute("aria-labelledby", hint.id);
      selection.dataset.named = "1";
    });
  };
  const start = () => {
    nameControls(document);
    new MutationObserver(() => nameControls(document)).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
