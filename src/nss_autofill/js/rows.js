// The rows of the table whose header row names every one of `columns`, as cell texts, found by
// structure whatever caption stands above it: an HTML table, an ARIA table/grid, or a list of
// rows drawn with divs. null when no such table is shown. Each row says whether it is a data
// row (two cells or more), not a single "no rows yet" line.
(columns) => {
  const key = (s) => (s || "").normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
  const want = columns.map(key);
  const shown = (el) => !el.checkVisibility || el.checkVisibility();
  // A header cell names a column when it reads just that name, or the name with a note in
  // brackets or a mark after it (識別番号数(個), 業種※): never a longer caption that holds it.
  const bare = (k) => k.replace(/[(（\[【〔※*].*$/, "").replace(/[\p{P}\p{S}]+$/u, "");
  const names = (cells) => {
    const ks = cells.map((c) => key(c.innerText || c.textContent));
    return want.every((w) => ks.some((k) => k === w || bare(k) === w)) ? ks : null;
  };
  const rowsOf = (rowEls, cellsOf) => {
    const shownRows = rowEls.filter(shown);
    for (let h = 0; h < shownRows.length; h++) {
      const head = names(cellsOf(shownRows[h]));
      if (!head) continue;
      const rows = shownRows.slice(h + 1).map((r) => {
        const cells = cellsOf(r).filter(shown);
        return { data: cells.length >= 2, cells: cells.map((c) => key(c.innerText || c.textContent)) };
      });
      return { head, rows };
    }
    return null;
  };
  // HTML tables, innermost first (a layout table holds the real one).
  const tables = Array.from(document.querySelectorAll("table")).filter(shown).reverse();
  for (const t of tables) {
    const got = rowsOf(Array.from(t.rows), (r) => Array.from(r.cells));
    if (got) return got;
  }
  // ARIA tables and grids.
  for (const t of document.querySelectorAll("[role=table],[role=grid],[role=treegrid]")) {
    if (!shown(t)) continue;
    const got = rowsOf(Array.from(t.querySelectorAll("[role=row]")),
      (r) => Array.from(r.querySelectorAll("[role=columnheader],[role=cell],[role=gridcell],[role=rowheader]")));
    if (got) return got;
  }
  // Rows drawn with elements: a container whose children are rows, the first naming the columns.
  for (const box of document.body.querySelectorAll("div,ul,ol,section,dl")) {
    const kids = Array.from(box.children).filter(shown);
    if (kids.length < 1 || kids.length > 200) continue;
    const got = rowsOf(kids, (r) => Array.from(r.children));
    if (got && got.head.length >= want.length) return got;
  }
  return null;
}
