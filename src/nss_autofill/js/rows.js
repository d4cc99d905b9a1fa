// Count the data rows of the table under a heading (-1: no such table).
(want) => {
  const key = (s) => (s || "").normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
  const all = Array.from(document.body.querySelectorAll("*"));
  const head = all.find((e) => e.children.length <= 2 && key(e.textContent) === want &&
    !e.closest("script,style"));
  if (!head) return -1;
  // the table the heading names: its own (a caption or header cell of it), else the next one
  const own = head.closest("caption,th");
  let table = own ? own.closest("table") : null;
  if (!table) {
    const start = all.indexOf(head);
    table = all.slice(start + 1).find((e) => e.tagName === "TABLE") || null;
  }
  if (!table) return -1;
  // data rows: with a td, not a single spanning "no rows yet" cell
  return Array.from(table.rows).filter((r) => {
    const tds = Array.from(r.children).filter((c) => c.tagName === "TD");
    return tds.length >= 2 || (tds.length === 1 && tds[0].colSpan === 1 && r.cells.length === 1);
  }).length;
}
