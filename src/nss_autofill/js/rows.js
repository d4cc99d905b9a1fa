// The rows of the table under a heading, as cell texts (null: no such table). Each row says
// whether it is a data row: one with a td, not a single spanning "no rows yet" cell.
(want) => {
  const key = (s) => (s || "").normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
  const all = Array.from(document.body.querySelectorAll("*"));
  const head = all.find((e) => e.children.length <= 2 && key(e.textContent) === want &&
    !e.closest("script,style"));
  if (!head) return null;
  // the table the heading names: its own (a caption or header cell of it), else the next one
  const own = head.closest("caption,th");
  let table = own ? own.closest("table") : null;
  if (!table) {
    const start = all.indexOf(head);
    table = all.slice(start + 1).find((e) => e.tagName === "TABLE") || null;
  }
  if (!table) return null;
  return Array.from(table.rows).map((r) => {
    const tds = Array.from(r.children).filter((c) => c.tagName === "TD");
    const data = tds.length >= 2 || (tds.length === 1 && tds[0].colSpan === 1 && r.cells.length === 1);
    return {data, cells: Array.from(r.cells).map((c) => key(c.textContent))};
  });
}
