// Small page helpers for the session loop; none of them changes a form value.
// Each function is evaluated on its own with page.evaluate(source, arg).
({
  // Marks the current document so the session can tell when a new one replaced it.
  markDocument: (token) => { window.__nssAutofillDoc = token; return true; },
  documentMark: () => (window.__nssAutofillDoc || null),

  // The texts of one column of the first table after the heading whose text is `heading`.
  tableColumn: ({heading, column}) => {
    const norm = (s) => (s || "").normalize("NFKC").replace(/[\s\u3000\u00a0]+/g, "");
    // The deepest element whose whole text is the heading.
    let head = null;
    for (const el of document.querySelectorAll("body *")) {
      if (norm(el.textContent) === norm(heading)) head = el;
    }
    if (!head) return null;
    let table = /^(CAPTION|TH)$/.test(head.tagName) ? head.closest("table") : null;
    if (!table) {
      for (const t of document.querySelectorAll("table")) {
        if (head.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) { table = t; break; }
      }
    }
    if (!table) return [];
    const rows = Array.from(table.rows);
    let col = -1, start = 0;
    for (let i = 0; i < rows.length && col < 0; i++) {
      col = Array.from(rows[i].cells).findIndex((c) => norm(c.textContent) === norm(column));
      start = i + 1;
    }
    if (col < 0) return [];
    return rows.slice(start).map((r) => (r.cells[col] ? norm(r.cells[col].textContent) : ""))
      .filter((t) => t.length > 0);
  },

  // The text of the smallest element containing `title` (the mock mail box).
  boxText: (title) => {
    const norm = (s) => (s || "").normalize("NFKC");
    let best = null;
    for (const el of document.querySelectorAll("body *")) {
      const t = norm(el.innerText);
      if (t.includes(title) && t.length > title.length + 10 && (!best || t.length < norm(best.innerText).length)) best = el;
    }
    return best ? best.innerText : null;
  },
})
