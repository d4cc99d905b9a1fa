// Read the form the way a person does, in one pass, and mark every control and button with a
// temporary data-nssaf attribute ("c<n>" / "b<n>") so Python can address it without ids or
// names. Returns controls, label units (a label and the controls it labels), headings and
// buttons, each with its position in document order. Matching is done in locating.py.
(opts) => {
  const MARK = "data-nssaf";
  const HIDE_DISPLAY_NONE = false;
  /* @include text.js */
  const NAMES = new Set(((opts && opts.names) || []).map(key));
  const LABELS = new Set(((opts && opts.labels) || []).map(key));
  // Part captions (姓, 名, 市外局番 …): beside a box they name the part, not the field.
  const PARTS = new Set(((opts && opts.parts) || []).map(key));
  const BUTTON = "input[type=submit],input[type=button],input[type=image],input[type=reset]," +
    "button,a,[onclick],[role=button]";
  const isHint = (s) => /^[(（\[【〔<].*[)）\]】〕>]$/.test(s) || /^※/.test(s);

  for (const el of document.querySelectorAll("[" + MARK + "]")) el.removeAttribute(MARK);

  const order = new Map();
  {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    let n = 0;
    for (let e = w.currentNode; e; e = w.nextNode()) order.set(e, n++);
  }

  // Hidden controls are scanned too (a section may show only after a radio is chosen);
  // locating prefers visible ones and write.js refuses to type into one still hidden.
  const controls = Array.from(document.querySelectorAll(CONTROL));
  const cindex = new Map(controls.map((c, i) => [c, i]));
  const hasControl = (el) => el.matches(CONTROL) || !!el.querySelector(CONTROL);

  // Label cell of a row: the last text cell without controls before the first control cell.
  const rowInfo = new Map();
  const rowOf = (tr) => {
    if (rowInfo.has(tr)) return rowInfo.get(tr);
    const cells = cellsOf(tr);
    const first = cells.findIndex((c) => c.querySelector(CONTROL));
    let label = null;
    const before = [];
    for (let i = 0; i < (first < 0 ? 0 : first); i++) {
      const t = txt(cells[i]);
      if (!t) continue;
      if (label) before.push(label);
      label = cells[i];
    }
    const info = { label, before, first: first < 0 ? null : cells[first] };
    rowInfo.set(tr, info);
    return info;
  };

  // Rows covered by a rowspan header cell get it as a container (a sub-group such as 一括請求先).
  const spanned = new Map();
  for (const table of document.querySelectorAll("table")) {
    let pending = [];
    for (const tr of table.rows) {
      const got = pending.filter((p) => p.left > 0).map((p) => p.text);
      pending.forEach((p) => { p.left -= 1; });
      const info = rowOf(tr);
      for (const c of info.before) {
        if (c.rowSpan > 1) pending.push({ text: txt(c), left: c.rowSpan - 1 });
        got.push(txt(c));
      }
      spanned.set(tr, got);
    }
  }

  // Containers: texts that label a whole region the control sits in.
  const containersOf = (el) => {
    const out = [];
    const tr0 = el.closest("tr");
    if (tr0 && spanned.has(tr0)) out.push(...spanned.get(tr0));
    let a = el.parentElement;
    while (a && a !== document.body) {
      if (a.tagName === "FIELDSET") {
        const lg = a.querySelector(":scope > legend");
        if (lg) out.push(txt(lg));
      } else if (a.tagName === "TABLE") {
        if (a.caption) out.push(txt(a.caption));
      } else if ((a.tagName === "TD" || a.tagName === "TH") && a.parentElement &&
                 a.parentElement.tagName === "TR" && a.parentElement !== tr0) {
        const info = rowOf(a.parentElement);
        const cells = cellsOf(a.parentElement);
        const prev = cells.slice(0, cells.indexOf(a)).filter((c) => txt(c) && !hasControl(c));
        if (prev.length) out.push(txt(prev[prev.length - 1]));
        if (spanned.has(a.parentElement)) out.push(...spanned.get(a.parentElement));
        void info;
      } else if (a.tagName === "DD") {
        let d = a.previousElementSibling;
        while (d && d.tagName !== "DT") d = d.previousElementSibling;
        if (d) out.push(txt(d));
      }
      a = a.parentElement;
    }
    return out;
  };

  // Text segments around controls inside a container, after an optional start element.
  const SKIP = /^(SCRIPT|STYLE|SELECT|OPTION|BUTTON|TEXTAREA|NOSCRIPT|TEMPLATE)$/;
  const segments = new Map();
  // Only ``target``'s own segments are recorded: a wide container (a whole section) must not
  // give other controls text from outside their own label unit.
  const walkSegments = (container, startAfter, target) => {
    const seq = [];
    let buf = "";
    let started = !startAfter;
    const visit = (node) => {
      if (node === startAfter) { started = true; return; }
      if (node.nodeType === 3) { if (started) buf += node.nodeValue + " "; return; }
      if (node.nodeType !== 1) return;
      if (node.matches(CONTROL)) {
        if (started) { seq.push({ text: buf, el: node }); buf = ""; }
        return;
      }
      if (SKIP.test(node.tagName)) return;
      if (node.tagName === "INPUT" || node.tagName === "BR") return;
      if (started && !vis(node) && node.getClientRects().length === 0 &&
          getComputedStyle(node).display === "none") return;
      for (const ch of node.childNodes) visit(ch);
    };
    visit(container);
    seq.push({ text: buf, el: null });
    for (let i = 0; i < seq.length - 1; i++) {
      if (seq[i].el === target && !segments.has(target)) {
        segments.set(target, { before: clean(seq[i].text), after: clean(seq[i + 1].text) });
      }
    }
  };

  const units = [];
  const unitOf = new Map();
  const addUnit = (labelEl, labelText, kind, ctl) => {
    let u = unitOf.get(labelEl);
    if (!u) {
      u = { label: labelText, kind, order: order.get(labelEl) ?? 0, controls: [],
            containers: containersOf(labelEl) };
      unitOf.set(labelEl, u);
      units.push(u);
    }
    const i = cindex.get(ctl);
    if (!u.controls.includes(i)) u.controls.push(i);
  };

  for (const c of controls) {
    let placed = false;
    // 1. Table row: the row's own label cell.
    const cell = c.closest("td,th");
    if (cell && cell.parentElement && cell.parentElement.tagName === "TR") {
      const tr = cell.parentElement;
      const info = rowOf(tr);
      if (info.label && c.closest("tr") === tr) {
        addUnit(info.label, txt(info.label), "row", c);
        if (!segments.has(c)) walkSegments(tr, info.label, c);
        placed = true;
      }
    }
    // 2. dl: the dt before the dd.
    const dd = c.closest("dd");
    if (!placed && dd && (!cell || dd.contains(cell) || !cell.contains(dd))) {
      let dt = dd.previousElementSibling;
      while (dt && dt.tagName !== "DT") dt = dt.previousElementSibling;
      if (dt && txt(dt)) {
        addUnit(dt, txt(dt), "dt", c);
        if (!segments.has(c)) walkSegments(dd, null, c);
        placed = true;
      }
    }
    // 3. div-like layouts: the nearest preceding text sibling without controls.
    if (!placed) {
      const group = (c.type === "radio" || c.type === "checkbox") ? c.name : null;
      let branch = c;
      for (let d = 0; d < 4 && branch && !placed; d++) {
        const parent = branch.parentElement;
        if (!parent || LABEL_SEARCH_STOP.test(parent.tagName)) break;
        let trailing = false;  // just passed a caption that follows a control ([ ] 年)
        for (let s = branch.previousElementSibling; s; s = s.previousElementSibling) {
          if (s.tagName === "BR" || !vis(s)) continue;
          if (trailing && s.matches(CONTROL)) { trailing = false; continue; }
          trailing = false;
          if (!hasControl(s)) {
            // A caption right after a control belongs to that control (年 after the year
            // select; a radio's caption), never labels the next one: look past both. Only
            // short captions, or any caption after a radio/box of the same group: a longer
            // text may be the next box's own label.
            let p = s.previousElementSibling;
            while (p && (p.tagName === "BR" || !vis(p))) p = p.previousElementSibling;
            const k = txt(s).normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "")
              .replace(/※/g, "");
            if (p && p.matches(CONTROL) && !LABELS.has(k) &&
                (txt(s).length <= 4 || (group && p.name === group))) {
              trailing = true;
              continue;
            }
          }
          if (hasControl(s)) {
            const sameGroup = group && Array.from(
              s.matches(CONTROL) ? [s] : s.querySelectorAll(CONTROL)).every(
              (x) => x.name === group);
            if (sameGroup) continue;
            break;
          }
          const t = txt(s);
          if (!t || isHint(t) || s.tagName === "LABEL" && s.control) continue;
          // An input-group prefix (<span>姓</span><input>): the row's label is further out;
          // the prefix stays the box's own text (its segments) and tells the part.
          if (PARTS.has(key(t)) && !LABELS.has(key(t))) break;
          addUnit(s, t, "div", c);
          if (!segments.has(c)) walkSegments(parent, s, c);
          placed = true;
          break;
        }
        branch = parent;
      }
    }
    // 4. A fieldset (or role=group/radiogroup) named by its legend / aria name: a choice or a
    //    date made of several controls.
    if (!placed) {
      const fs = c.closest("fieldset,[role=group],[role=radiogroup]");
      if (fs) {
        let name = fs.tagName === "FIELDSET" ? fs.querySelector(":scope > legend") : null;
        if (!name && fs.getAttribute("aria-labelledby")) {
          name = document.getElementById(fs.getAttribute("aria-labelledby").split(/\s+/)[0]);
        }
        if (name && txt(name)) {
          addUnit(name, txt(name), "legend", c);
          if (!segments.has(c)) walkSegments(fs, name, c);
          placed = true;
        } else if (fs.getAttribute("aria-label")) {
          addUnit(fs, fs.getAttribute("aria-label"), "aria", c);
          placed = true;
        }
      }
    }
    // 5. <label for> / wrapping label, aria-label, aria-labelledby: units of their own.
    for (const l of c.labels || []) {
      if (c.type !== "radio" && c.type !== "checkbox") addUnit(l, txt(l), "label", c);
    }
    const al = c.getAttribute("aria-label");
    if (al && c.type !== "radio" && c.type !== "checkbox") addUnit(c, al, "aria", c);
    const lb = c.getAttribute("aria-labelledby");
    if (lb) {
      const els = lb.split(/\s+/).map((id) => document.getElementById(id)).filter((x) => x);
      if (els.length) addUnit(els[0], els.map(txt).join(" "), "aria", c);
    }
    if (!segments.has(c) && c.parentElement) walkSegments(c.parentElement, null, c);
  }

  // A split field labelled once: <label for=a>氏名</label><input id=a placeholder=姓>
  // <input placeholder=名>. The unlabelled boxes that follow the labelled one in the same
  // container, each told by its placeholder / aria-label / title, make a "parts" unit with it
  // (used only for fields made of parts; a plain text field still sees one box).
  const TEXTY = /^(text|email|tel|number|password|search|url|)$/;
  const hintOf = (el) => el.getAttribute("aria-label") || el.getAttribute("title") ||
    el.getAttribute("placeholder") || "";
  const isBox = (el) => el.tagName === "TEXTAREA" ||
    (el.tagName === "INPUT" && TEXTY.test((el.getAttribute("type") || "").toLowerCase()));
  for (const u of units.slice()) {
    if (u.kind !== "label" || u.controls.length !== 1) continue;
    const first = controls[u.controls[0]];
    if (!isBox(first) || !hintOf(first)) continue;
    const more = [];
    for (let s = first.nextElementSibling; s; s = s.nextElementSibling) {
      if (s.tagName === "BR") continue;
      if (s.matches(CONTROL)) {
        if (!isBox(s) || !hintOf(s) || (s.labels && s.labels.length) ||
            s.getAttribute("aria-labelledby")) break;
        more.push(s);
        continue;
      }
      if (!s.querySelector(CONTROL) && txt(s).length <= 2) continue;  // a dash between boxes
      break;
    }
    if (!more.length) continue;
    units.push({ label: u.label, kind: "parts", order: u.order,
                 controls: [u.controls[0], ...more.map((x) => cindex.get(x))],
                 containers: u.containers });
  }

  const out = controls.map((c, i) => {
    c.setAttribute(MARK, "c" + i);
    const seg = segments.get(c) || { before: "", after: "" };
    const own = Array.from(c.labels || []).map(txt);
    for (const a of ["aria-label", "title", "placeholder"]) {
      if (c.getAttribute(a)) own.push(clean(c.getAttribute(a)));
    }
    return {
      i, tag: c.tagName.toLowerCase(), type: (c.type || "").toLowerCase(),
      value: c.tagName === "SELECT" ? "" : (c.value || ""),
      defaultValue: c.tagName === "SELECT" ? "" : (c.defaultValue || ""),
      checked: !!c.checked, defaultChecked: !!c.defaultChecked,
      maxLength: c.maxLength > 0 ? c.maxLength : null,
      disabled: !!c.disabled || !!c.readOnly, visible: vis(c),
      name: c.name || "",
      options: c.tagName === "SELECT" ? Array.from(c.options).map((o) => ({
        text: clean(o.text), value: o.value, selected: o.selected, dflt: o.defaultSelected,
      })) : [],
      own, before: seg.before, after: seg.after, order: order.get(c) ?? 0,
    };
  });

  const headings = [];
  for (const el of document.querySelectorAll(
    "h1,h2,h3,h4,h5,h6,caption,legend,[role=heading]")) {
    if (!vis(el)) continue;
    const m = /^H(\d)$/.exec(el.tagName);
    const level = m ? +m[1] : (+(el.getAttribute("aria-level") || 0) || 7);
    headings.push({ text: txt(el), level, order: order.get(el) ?? 0 });
  }
  for (const tr of document.querySelectorAll("tr")) {
    const cells = cellsOf(tr);
    if (cells.length !== 1 || cells[0].querySelector(CONTROL) || !vis(tr)) continue;
    if (cells[0].tagName === "TH" || cells[0].colSpan > 1) {
      const t = txt(cells[0]);
      if (t) headings.push({ text: t, level: 7, order: order.get(tr) ?? 0 });
    }
  }
  // Any other element that shows exactly a group or sub-group name the catalogue expects
  // (a bold <p>, a styled <div>) is a heading too: the deepest such element, outside tables.
  if (NAMES.size) {
    const known = new Set(headings.map((h) => h.order));
    for (const el of document.body.querySelectorAll("div,p,span,b,strong,font,dt,label,a")) {
      if (el.querySelector(CONTROL) || !vis(el)) continue;
      const tr = el.closest("tr");
      if (tr && rowOf(tr).label && rowOf(tr).first) continue;  // inside a form row
      const k = (el.textContent || "").normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "")
        .replace(/※/g, "");
      if (!NAMES.has(k)) continue;
      const inner = Array.from(el.children).some((c) => NAMES.has(
        (c.textContent || "").normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "")
          .replace(/※/g, "")));
      const o = order.get(el) ?? 0;
      if (!inner && !known.has(o)) headings.push({ text: txt(el), level: 8, order: o });
    }
  }
  headings.sort((a, b) => a.order - b.order);

  const buttons = [];
  for (const el of document.querySelectorAll(BUTTON)) {
    if (!vis(el)) continue;
    const img = el.querySelector("img[alt]");
    let cap = el.tagName === "INPUT"
      ? (el.type === "image" ? (el.alt || el.value || "") : (el.value || ""))
      : (txt(el) || el.getAttribute("aria-label") || el.getAttribute("title") ||
         (img ? img.alt : "") || "");
    cap = clean(cap);
    if (!cap || cap.length > 60) continue;
    const i = buttons.length;
    el.setAttribute(MARK, "b" + i);
    // Plain links: where they lead (two links to the same place are the same choice).
    const href = el.tagName === "A" && el.href && !/^javascript:/i.test(el.href) &&
      !el.getAttribute("onclick") && !(el.getAttribute("href") || "").startsWith("#")
      ? el.href : "";
    buttons.push({ i, caption: cap, order: order.get(el) ?? 0, containers: containersOf(el),
                   href });
  }
  return { controls: out, units, headings, buttons };
}
