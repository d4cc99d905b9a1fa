// The one reading of a page, the way a person sees it: one call per arrival.
//
// What a person sees is laid out text and controls, not tags. So this reads the *rendered*
// page: every run of visible text with its box (getBoundingClientRect of its text) and looks
// (weight, size, a filled or ruled block), every control and button with its box, and from
// that geometry:
//   - headings: h1-h6, caption, legend, role=heading and full-row header cells, and any short
//     block set apart by its looks (bold, larger, filled or ruled) that shares its line with
//     no control;
//   - for each control, what a person reads as its label: its own <label>/aria name where the
//     page gives one; else the text on its left in the same row band (a caption between two
//     controls goes to the nearer one: 年 after a year list, 名 before a box), the row's label
//     (the first text of the band with no control before it), labels further left that span
//     several rows (一括請求先 over コード / 企業名 / 事業所名), or the text just above it
//     (labels stacked over their boxes);
//   - buttons: anything a person can press, also one in a menu that opens on hover or click
//     (its menu title is given so the tool can open the menu as a person does);
//   - the step bar and tab bar item that is drawn as the current one;
//   - title, header, visible text and error messages.
// Every control and button is marked with a temporary data-nssaf attribute ("c<n>" / "b<n>")
// so the tool can address it without ids or names. Knows no NSS caption: the step and tab
// names come in ``opts``.
//
// ``opts.ahead``: a reading made ahead of the tool's call (while the page loads) marks
// nothing; its hidden ``ahead`` member says whether anything a person could see has changed
// since (``still()``) and marks the page as this reading would have (``apply()``).
(opts) => {
  const MARK = "data-nssaf";
  const MENU_MARK = "data-nssaf-menu";
  const CONTROL = "input:not([type=hidden]):not([type=submit]):not([type=button])" +
    ":not([type=image]):not([type=reset]),select,textarea";
  const BUTTON = "input[type=submit],input[type=button],input[type=image],input[type=reset]," +
    "button,a,[onclick],[role=button],[role=link],[role=menuitem],[role=tab]";
  const WS = /[\s\u00a0\u3000]/;
  const clean = (s) => (s || "").replace(/[\s\u00a0\u3000\u200b]+/g, " ").trim();
  const key = (s) => (s || "").normalize("NFKC").replace(/[\s\u00a0\u3000\u200b]+/g, "")
    .replace(/[※]/g, "");
  // Helper text a person does not see: screen-reader-only notes and ruby readings (furigana).
  const SR = /(^|[-_\s])(sr-only|visually-?hidden|screen-?reader(-text)?|assistive(-text)?|a11y-hidden|hidden-visually|u-hidden-visually|offscreen)([-_\s]|$)/i;
  const SKIP_TAGS = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|RT|RP|HEAD|TITLE)$/;
  const isHint = (s) => {
    const t = clean(s).normalize("NFKC");
    // ※ before a short label marks it required (※氏名); before a sentence, or before words on
    // how to type it (※半角英数字で入力してください), it is a note
    const note = /^※/.test(t) && (t.length > 24 || /[。．]/.test(t) ||
      /^※\s*(全角|半角|英|数字|アルファベット|ローマ字|カタカナ|ひらがな)/.test(t));
    return !t || /^[(（\[【〔<].*[)）\]】〕>]$/.test(t) || note || /^例[)）:：]/.test(t) ||
      /^[(（]?(必須|任意)[)）]?$/.test(t) || /^[\p{P}\p{S}\s]+$/u.test(t) ||
      // only words about how to type it: 全角カタカナ, 半角数字・ハイフン, 英大文字, 20文字以内
      /^(全角|半角|数字|英数字?|英字|英|大文字|小文字|アルファベット|ローマ字|カタカナ|ひらがな|ハイフン|記号|桁|文字|以内|可|[\d\p{P}\p{S}\s])+$/u.test(t);
  };

  // The marks are written once the reading is done (no write falls between two reads of the
  // layout); a reading ahead writes none until asked.
  const ahead = !!(opts && opts.ahead);
  const marks = [];
  const mark = (el, name, value) => { marks.push([el, name, value]); };
  const applyMarks = () => {
    for (const el of document.querySelectorAll("[" + MARK + "]")) el.removeAttribute(MARK);
    for (const el of document.querySelectorAll("[" + MENU_MARK + "]")) el.removeAttribute(MENU_MARK);
    for (const [el, name, value] of marks) el.setAttribute(name, value);
  };
  const body = document.body;
  if (!body) {
    return { title: clean(document.title), header: "", headings: [], labels: [], buttons: [],
      controls: [], steps: [], tabs: [], text: "", errors: [] };
  }

  // ---------------------------------------------------------------- memoised looks
  // the controls, in document order: whether an element is one is a lookup, not a selector match
  const controls = Array.from(document.querySelectorAll(CONTROL));
  const cindex = new Map(controls.map((c, i) => [c, i]));
  const order = new Map();
  {
    const w = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
    let n = 0;
    for (let e = w.currentNode; e; e = w.nextNode()) order.set(e, n++);
  }
  const styleMemo = new Map();
  const cs = (el) => {
    let s = styleMemo.get(el);
    if (!s) { s = getComputedStyle(el); styleMemo.set(el, s); }
    return s;
  };
  const unseenMemo = new Map();
  // Not seen by a person: hidden by CSS, screen-reader-only, or a ruby reading.
  const unseen = (el) => {
    let v = unseenMemo.get(el);
    if (v !== undefined) return v;
    if (SKIP_TAGS.test(el.tagName) || SR.test(el.getAttribute("class") || "")) v = true;
    else {
      const s = cs(el);
      v = s.display === "none" || s.visibility === "hidden" || s.visibility === "collapse" ||
        ((s.position === "absolute" || s.position === "fixed") &&
          (/rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(s.clip) || /inset\(50%\)/.test(s.clipPath) ||
           (parseFloat(s.width) <= 1 && parseFloat(s.height) <= 1 && s.overflow === "hidden")));
    }
    unseenMemo.set(el, v);
    return v;
  };
  const shownMemo = new Map();
  // Whether el and every ancestor are seen.
  const seen = (el) => {
    if (!el || el === body || el === document.documentElement) return true;
    let v = shownMemo.get(el);
    if (v !== undefined) return v;
    v = !unseen(el) && seen(el.parentElement);
    shownMemo.set(el, v);
    return v;
  };
  const rectOf = (r) => ({ x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY),
    w: Math.round(r.width), h: Math.round(r.height) });
  // fn answered once per argument for the length of one reading
  const once = (fn) => {
    const memo = new Map();
    return (x) => {
      if (!memo.has(x)) memo.set(x, fn(x));
      return memo.get(x);
    };
  };
  const boxOf = once((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0 ? rectOf(r) : null;
  });
  // The text a person sees in el (hidden parts left out).
  const textMemo = new Map();
  const shownText = (el) => {
    let out = textMemo.get(el);
    if (out !== undefined) return out;
    out = "";
    for (const ch of el.childNodes) {
      if (ch.nodeType === 3) out += ch.nodeValue;
      else if (ch.nodeType === 1 && !unseen(ch)) {
        if (ch.tagName === "BR") out += " ";
        else if (cindex.has(ch)) out += " ";
        else out += shownText(ch);
      }
    }
    textMemo.set(el, out);
    return out;
  };
  const txt = (el) => clean(shownText(el)) || clean(el.textContent);
  const isBlock = (el) => {
    const d = cs(el).display;
    return !(d === "inline" || d === "contents" || d.startsWith("ruby") ||
      d === "inline-block" && el.tagName === "LABEL") ||
      /^(TD|TH|LI|DT|DD|P|DIV|TR|TABLE|FIELDSET|LEGEND|CAPTION|H[1-6]|FORM|SECTION|ARTICLE|UL|OL|DL|HEADER|FOOTER|NAV|MAIN|ASIDE|BODY)$/.test(el.tagName);
  };
  const blockMemo = new Map();
  const blockOf = (el) => {
    let b = blockMemo.get(el);
    if (b) return b;
    b = el;
    while (b && b !== body && !isBlock(b)) b = b.parentElement;
    b = b || body;
    blockMemo.set(el, b);
    return b;
  };
  const bgOf = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const c = cs(a).backgroundColor;
      if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) return { el: a, color: c };
    }
    return { el: document.documentElement, color: "rgb(255, 255, 255)" };
  };

  // ---------------------------------------------------------------- controls
  const hasControl = once((el) => cindex.has(el) || !!el.querySelector(CONTROL));
  // A control a person sees: its own box, or (a radio/box drawn as a styled caption) its label.
  const ctlInfo = controls.map((c) => {
    const own = seen(c) ? boxOf(c) : null;
    let box = own;
    let via = own ? "self" : null;
    if (!box) {
      const lab = Array.from(c.labels || []).find((l) => seen(l) && boxOf(l));
      if (lab) { box = boxOf(lab); via = "label"; }
    }
    return { el: c, box, via };
  });

  // ---------------------------------------------------------------- buttons
  const btnEls = new Set();
  for (const el of document.querySelectorAll(BUTTON)) btnEls.add(el);
  for (const el of document.querySelectorAll("img[onclick]")) btnEls.add(el);
  // Elements a script made pressable (cursor: pointer) with a short caption of their own.
  for (const el of body.querySelectorAll("div,span,li,td,th,p,img,label,font,b,strong")) {
    if (btnEls.has(el) || hasControl(el) || !seen(el)) continue;
    if (cs(el).cursor !== "pointer") continue;
    if (el.parentElement && cs(el.parentElement).cursor === "pointer") continue;
    if (el.tagName === "LABEL" && el.control) continue;
    const t = el.tagName === "IMG" ? (el.alt || "") : txt(el);
    if (t && t.length <= 30 && !el.querySelector("a,button,[onclick],[role=button]")) btnEls.add(el);
  }
  const captionOf = (el) => {
    if (el.tagName === "INPUT") {
      return clean(el.type === "image" ? (el.alt || el.value || el.title || "") : (el.value || ""));
    }
    if (el.tagName === "IMG") return clean(el.alt || el.title || "");
    const img = el.querySelector("img[alt]");
    return clean(txt(el) || el.getAttribute("aria-label") || el.getAttribute("title") ||
      (img ? img.alt : "") || "");
  };
  const buttons = [];
  const buttonEls = [];
  const menuIds = new Map();
  const menuOf = (el) => {
    // A hidden item whose nearest shown ancestor holds a short visible title: a menu that a
    // person opens by hovering or clicking that title.
    let a = el.parentElement;
    for (let d = 0; a && a !== body && d < 6; d++, a = a.parentElement) {
      if (!seen(a)) continue;
      if (hasControl(a)) return null;  // a hidden part of a form, not a menu
      for (const ch of a.children) {
        if (ch.contains(el) || !seen(ch)) continue;
        const t = txt(ch) || captionOf(ch);  // a title drawn as a picture: its alt
        if (t && t.length <= 24 && boxOf(ch)) return { title: t, el: ch };
      }
      const own = Array.from(a.childNodes).filter((n) => n.nodeType === 3).map((n) => n.nodeValue)
        .join("");
      if (clean(own) && clean(own).length <= 24 && boxOf(a)) return { title: clean(own), el: a };
      return null;
    }
    return null;
  };
  const btnList = Array.from(btnEls);
  for (const el of btnEls) {
    // A pressable wrapper around a pressable control (<span onclick><a>次へ</a></span>): the
    // control inside is what a person presses.
    if (btnList.some((o) => o !== el && el.contains(o) && captionOf(o))) continue;
    const cap = captionOf(el);
    if (!cap || cap.length > 60) continue;
    const shown = seen(el) && !!boxOf(el);
    let menu = null;
    if (!shown) {
      menu = menuOf(el);
      if (!menu) continue;
    }
    const i = buttons.length;
    mark(el, MARK, "b" + i);
    let menuMark = null;
    if (menu) {  // one mark per title, on an attribute of its own (the title may be a button)
      if (!menuIds.has(menu.el)) menuIds.set(menu.el, "m" + menuIds.size);
      menuMark = menuIds.get(menu.el);
      mark(menu.el, MENU_MARK, menuMark);
    }
    const href = el.tagName === "A" && el.href && !/^javascript:/i.test(el.getAttribute("href") || "") &&
      !el.getAttribute("onclick") && !(el.getAttribute("href") || "").startsWith("#") ? el.href : "";
    buttons.push({ i, caption: cap, order: order.get(el) ?? 0, box: shown ? boxOf(el) : null,
      visible: shown, menu: menu ? { title: menu.title, sel: `[${MENU_MARK}="${menuMark}"]` } : null,
      href, tag: el.tagName.toLowerCase(), type: (el.getAttribute("type") || "").toLowerCase(),
      containers: [] });
    buttonEls.push(el);
  }
  const buttonSet = new Set(buttonEls);

  // ---------------------------------------------------------------- text runs
  // A run: text a person reads as one piece, between controls, buttons, line breaks and blocks.
  const runs = [];
  // The run just before each control in reading order, with nothing between them (a caption
  // that ends a line whose control wrapped onto the next one is still the control's).
  const flowPrev = new Map();
  {
    let cur = null;
    let lastCtl = null;
    let brk = "block";  // what came just before the next run: block | br | ctl
    const flush = (why) => {
      if (cur && clean(cur.text)) {
        cur.end = why;
        runs.push(cur);
      }
      cur = null;
      brk = why;
    };
    const visit = (node) => {
      if (node.nodeType === 3) {
        const p = node.parentElement;
        if (!p || !node.nodeValue.trim()) {
          if (cur && node.nodeValue) cur.text += " ";
          return;
        }
        const blk = blockOf(p);
        if (cur && cur.block !== blk) flush("block");
        if (!cur) {
          cur = { text: "", nodes: [], block: blk, first: p, start: brk, end: "block",
            afterCtl: brk === "ctl" ? lastCtl : null };
        }
        cur.text += node.nodeValue;
        cur.nodes.push(node);
        return;
      }
      if (node.nodeType !== 1) return;
      const el = node;
      if (unseen(el)) return;
      if (el.tagName === "BR") {
        flush("br");
        return;
      }
      if (cindex.has(el) || buttonSet.has(el) || el.tagName === "IMG" && btnEls.has(el)) {
        if (cur && clean(cur.text) && cindex.has(el)) flowPrev.set(el, cur);
        flush("ctl");
        lastCtl = el;
        return;
      }
      const block = isBlock(el);
      if (block) flush("block");
      for (const ch of el.childNodes) visit(ch);
      if (block) flush("block");
    };
    visit(body);
    flush("block");
  }
  const range = document.createRange();
  const bodySize = parseFloat(cs(body).fontSize) || 16;
  const sizes = [];
  const runInfo = [];
  // The first line of a run: a caption that wraps (a radio's long caption in a narrow cell)
  // starts just right of its control on that line, whatever its whole box spans.
  const lineOf = (rects, rc) => {
    const mid = (rc.top + rc.bottom) / 2;
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    for (const o of rects) {
      if (o.top > mid || o.bottom < mid) continue;
      x1 = Math.min(x1, o.left); y1 = Math.min(y1, o.top);
      x2 = Math.max(x2, o.right); y2 = Math.max(y2, o.bottom);
    }
    return { x: Math.round(x1 + scrollX), y: Math.round(y1 + scrollY),
      w: Math.round(x2 - x1), h: Math.round(y2 - y1) };
  };
  for (const r of runs) {
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    const rects = [];
    for (const n of r.nodes) {
      // the drawn characters only: white space around them takes no room a person sees
      const v = n.nodeValue;
      const a = v.search(/[^\s\u00a0\u3000]/);
      if (a < 0) continue;
      let b = v.length;  // where the white space at its end starts
      while (b > a && WS.test(v[b - 1])) b--;
      range.setStart(n, a);
      range.setEnd(n, b);
      for (const rc of range.getClientRects()) {
        if (rc.width === 0 && rc.height === 0) continue;
        x1 = Math.min(x1, rc.left); y1 = Math.min(y1, rc.top);
        x2 = Math.max(x2, rc.right); y2 = Math.max(y2, rc.bottom);
        rects.push(rc);
      }
    }
    if (x1 === Infinity) continue;
    const s = cs(r.first);
    const weight = parseInt(s.fontWeight, 10) || (s.fontWeight === "bold" ? 700 : 400);
    const size = parseFloat(s.fontSize) || bodySize;
    sizes.push(size);
    const box = { x: Math.round(x1 + scrollX), y: Math.round(y1 + scrollY),
      w: Math.round(x2 - x1), h: Math.round(y2 - y1) };
    // The band a label stands for: its whole cell (a header cell spanning rows, text centred in
    // a tall row), or its block when that holds no control and is not much taller than the text.
    const cell = r.first.closest("td,th");
    let vb = box;
    const widen = (el, limit) => {
      const b = boxOf(el);
      if (b && b.h > vb.h && b.h <= limit) vb = { x: box.x, y: b.y, w: box.w, h: b.h };
    };
    if (cell && !hasControl(cell)) widen(cell, Infinity);
    else if (!hasControl(r.block) && r.block !== body) {
      widen(r.block, 6 * box.h);
      // a label column of a flex or grid row: the row's height (a label centred beside a list)
      const row = r.block.parentElement;
      if (row && row !== body && hasControl(row)) {
        const d = cs(row);
        const across = (/flex/.test(d.display) && !/column/.test(d.flexDirection)) ||
          /grid/.test(d.display);
        // only the row's first column: a hint under the boxes in the second column is not one
        const bb = boxOf(r.block);
        const firstCol = bb && Array.from(row.children).every((ch) => {
          const cb = ch === r.block ? null : boxOf(ch);
          return !cb || cb.x >= bb.x + bb.w - 4;
        });
        // (a group label beside up to about six rows of sub-labels and hints)
        if (across && firstCol) widen(row, 20 * box.h);
      }
    }
    // a line of its own: nothing but block edges or line breaks before and after it
    const ownLine = r.start !== "ctl" && r.end !== "ctl";
    const wraps = rects.some((o) => o.top >= rects[0].bottom - 1);
    const head = wraps ? lineOf(rects, rects[0]) : box;
    runInfo.push({ text: clean(r.text), box, vb, head, weight, size, block: r.block,
      first: r.first, order: order.get(r.first) ?? 0, cell, ownLine, src: r, afterCtl: r.afterCtl });
  }
  const infoOf = new Map(runInfo.map((x) => [x.src, x]));
  sizes.sort((a, b) => a - b);
  const medianSize = sizes.length ? sizes[Math.floor(sizes.length / 2)] : bodySize;

  // ---------------------------------------------------------------- geometry
  const right = (b) => b.x + b.w;
  const bottom = (b) => b.y + b.h;
  const cy = (b) => b.y + b.h / 2;
  // In the same row band: one box covers the other's middle, or they overlap by half.
  const inBand = (a, b) => {
    const ov = Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y);
    if (ov <= 0) return false;
    return ov >= 0.5 * Math.min(a.h, b.h) || (a.y <= cy(b) && cy(b) <= bottom(a)) ||
      (b.y <= cy(a) && cy(a) <= bottom(b));
  };
  // Where a run lives beside a control of height box.h: its table cell when that cell is about
  // one row high, else its block (a label column in a layout table's cell is not in that cell's
  // row of controls).
  const homeOf = (r, box) => {
    if (!r.cell) return r.block;
    const cb = boxOf(r.cell);
    return cb && cb.h <= Math.max(4 * box.h, 96) ? r.cell : r.block;
  };
  const items = [];  // what blocks a caption from a control: other controls and buttons
  ctlInfo.forEach((c, i) => { if (c.box) items.push({ box: c.box, ctl: i }); });
  buttons.forEach((b) => { if (b.box) items.push({ box: b.box, ctl: -1 }); });

  // Headings: semantic ones, full-row header cells, and short blocks set apart by their looks
  // that share their line with no control.
  const headings = [];
  const headingEls = new Set();
  for (const el of document.querySelectorAll("h1,h2,h3,h4,h5,h6,caption,legend,[role=heading]")) {
    if (!seen(el)) continue;
    const t = txt(el);
    if (!t) continue;
    const m = /^H(\d)$/.exec(el.tagName);
    const level = m ? +m[1] : (+(el.getAttribute("aria-level") || 0) || 7);
    headings.push({ text: t, level, order: order.get(el) ?? 0, how: "tag" });
    headingEls.add(el);
  }
  for (const tr of document.querySelectorAll("tr")) {
    const cells = Array.from(tr.children).filter((c) => c.tagName === "TH" || c.tagName === "TD");
    if (cells.length !== 1 || hasControl(cells[0]) || !seen(tr)) continue;
    const cell = cells[0];
    if (cell.tagName === "TH" || cell.colSpan > 1) {
      const t = txt(cell);
      if (t && t.length <= 60) {
        headings.push({ text: t, level: 7, order: order.get(tr) ?? 0, how: "row" });
        headingEls.add(cell);
      }
    }
  }
  const looksApart = (r) => {
    const blk = r.block;
    const s = cs(blk);
    const bg = bgOf(blk);
    const parentBg = bg.el.parentElement ? bgOf(bg.el.parentElement).color : "rgb(255, 255, 255)";
    const filled = bg.el !== document.documentElement && bg.el !== body &&
      (bg.el === blk || blk.contains(bg.el) || bg.el.contains(blk) && bg.el.textContent.length < 80) &&
      bg.color !== parentBg;
    const ruled = parseFloat(s.borderLeftWidth) >= 3 && s.borderLeftStyle !== "none" ||
      parseFloat(s.borderBottomWidth) >= 1 && s.borderBottomStyle !== "none" &&
        !(parseFloat(s.borderTopWidth) >= 1 && s.borderTopStyle !== "none");
    return r.weight >= 600 || r.size >= medianSize * 1.15 || filled || ruled;
  };
  const runsByBlock = new Map();
  for (const r of runInfo) {
    if (!runsByBlock.has(r.block)) runsByBlock.set(r.block, []);
    runsByBlock.get(r.block).push(r);
  }
  for (const r of runInfo) {
    if (r.text.length > 40 || headingEls.has(r.block) || r.block.closest("h1,h2,h3,h4,h5,h6,caption,legend,[role=heading]")) continue;
    const alone = (runsByBlock.get(r.block) || []).length === 1 && !hasControl(r.block);
    if (!alone && !r.ownLine) continue;
    if (items.some((it) => inBand(it.box, r.box))) continue;  // a label in a row of controls
    if (r.first.closest("a,button,label")) continue;
    if (looksApart(r)) {
      headings.push({ text: r.text, level: 8, order: r.order, how: "looks" });
    } else if (r.text.length <= 30 && items.some((it) => it.box.y >= bottom(r.box))) {
      // by its place: a short line of its own over controls (a plain <p> naming a section)
      headings.push({ text: r.text, level: 9, order: r.order, how: "place" });
    }
  }
  // A heading drawn as a picture: an image with alt text on a line of its own.
  for (const img of document.querySelectorAll("img[alt]")) {
    const alt = clean(img.alt);
    if (!alt || alt.length > 40 || !seen(img) || btnEls.has(img) ||
        img.closest("a[href],button,[onclick],[role=button]")) continue;
    const b = boxOf(img);
    if (!b || items.some((it) => inBand(it.box, b))) continue;
    headings.push({ text: alt, level: 8, order: order.get(img) ?? 0, how: "picture" });
  }
  headings.sort((a, b) => a.order - b.order);

  // Semantic containers of an element: fieldset legends, table captions, a dd's dt, the label
  // cell of an enclosing row of an outer table, aria-labelled groups. [{t, id}]
  const rowLabelCell = (tr) => {
    const cells = Array.from(tr.children).filter((c) => c.tagName === "TH" || c.tagName === "TD");
    const first = cells.findIndex((c) => hasControl(c));
    let label = null;
    for (let i = 0; i < (first < 0 ? 0 : first); i++) if (txt(cells[i])) label = cells[i];
    return label;
  };
  const eid = (el) => "e" + (order.get(el) ?? -1);
  const containersOf = (el) => {
    const found = [];
    const add = (t, src) => { if (t) found.push({ t, id: eid(src) }); };
    let a = el.parentElement;
    const tr0 = el.closest("tr");
    while (a && a !== body) {
      if (a.tagName === "FIELDSET") {
        const lg = a.querySelector(":scope > legend");
        if (lg) add(txt(lg), lg);
      } else if (a.tagName === "TABLE") {
        if (a.caption) add(txt(a.caption), a.caption);
      } else if (a.tagName === "TR" && a !== tr0) {
        const lab = rowLabelCell(a);
        if (lab && !lab.contains(el)) add(txt(lab), lab);
      } else if (a.tagName === "DD") {
        let d = a.previousElementSibling;
        while (d && d.tagName !== "DT") d = d.previousElementSibling;
        if (d) add(txt(d), d);
      }
      if (a.matches("[role=group],[role=radiogroup],fieldset")) {
        if (a.getAttribute("aria-label")) add(clean(a.getAttribute("aria-label")), a);
        const lb = a.getAttribute("aria-labelledby");
        if (lb) {
          const els = lb.split(/\s+/).map((id) => document.getElementById(id)).filter((x) => x);
          if (els.length) add(els.map(txt).join(" "), els[0]);
        }
      }
      a = a.parentElement;
    }
    return found;
  };
  buttons.forEach((b, i) => { b.containers = containersOf(buttonEls[i]).map((x) => x.t); });

  // Runs that could be labels: not a button's caption, not a heading drawn as such.
  const labelRuns = runInfo.filter((r) => !r.first.closest("a[href],button,[role=button]") &&
    !r.first.closest("h1,h2,h3,h4,h5,h6,caption,legend,[role=heading]"));
  // Label elements that name a control through the DOM (<label for>, a wrapping label,
  // aria-labelledby): their text labels that control; beside another one it is only shared.
  const ownerOf = new Map();
  controls.forEach((c, i) => {
    for (const l of c.labels || []) if (!ownerOf.has(l)) ownerOf.set(l, i);
    for (const id of (c.getAttribute("aria-labelledby") || "").split(/\s+/)) {
      const el = id ? document.getElementById(id) : null;
      if (el && !ownerOf.has(el)) ownerOf.set(el, i);
    }
  });
  const ownerOfRun = (r) => {
    for (let a = r.first; a && a !== body; a = a.parentElement) {
      if (ownerOf.has(a)) return ownerOf.get(a);
    }
    return -1;
  };
  const rid = once((r) => {
    for (let a = r.first; a && a !== body; a = a.parentElement) if (ownerOf.has(a)) return eid(a);
    return "r" + runInfo.indexOf(r);
  });
  // the controls and buttons in a run's band (a caption in a row of controls)
  const bandOf = once((r) => items.filter((it) => inBand(it.box, r.box)));
  const tallRows = new Map();  // control index -> its tall label column's id (see below)
  const out = ctlInfo.map((ci, i) => {
    const c = ci.el;
    mark(c, MARK, "c" + i);
    // Every text a person could read as this control's label, nearest first: its own names
    // (<label>, aria), the caption just left of it, the row's labels (text of the band with no
    // control before it), labels further left spanning several rows, the text stacked above
    // it, and semantic containers. {t: text, id: where it stands, how}.
    const labels = [];
    const add = (t, id, how) => { if (t) labels.push({ t, id, how }); };
    const choice = /^(radio|checkbox)$/.test((c.type || "").toLowerCase());
    for (const l of c.labels || []) if (!choice && (seen(l) || !seen(c))) add(txt(l), eid(l), "own");
    const lb = c.getAttribute("aria-labelledby");
    if (lb) {
      const els = lb.split(/\s+/).map((id) => document.getElementById(id)).filter((x) => x);
      if (els.length) add(els.map(txt).join(" "), eid(els[0]), "own");
    }
    if (!choice && c.getAttribute("aria-label")) add(clean(c.getAttribute("aria-label")), "a" + i, "own");
    const res = {
      i, tag: c.tagName.toLowerCase(), type: (c.type || "").toLowerCase(),
      value: c.tagName === "SELECT" ? "" : (c.value || ""),
      defaultValue: c.tagName === "SELECT" ? "" : (c.defaultValue || ""),
      checked: !!c.checked, defaultChecked: !!c.defaultChecked,
      maxLength: c.maxLength > 0 ? c.maxLength : null,
      disabled: !!c.disabled || !!c.readOnly, visible: !!ci.box, via: ci.via,
      name: c.name || "",
      options: c.tagName === "SELECT" ? Array.from(c.options).map((o) => ({
        text: clean(o.text), value: o.value, selected: o.selected, dflt: o.defaultSelected,
      })) : [],
      // its own names as captions (a radio's label, aria-label, title, placeholder)
      own: [...Array.from(c.labels || []).map(txt),
        ...["aria-label", "title", "placeholder"].map((a) => clean(c.getAttribute(a) || ""))]
        .filter((t) => t),
      before: "", after: "", labels, order: order.get(c) ?? 0, box: ci.box,
    };
    const box = ci.box;
    if (box) {
      const left = [];
      const rightSide = [];
      for (const r of labelRuns) {
        if (inBand(r.vb, box) && right(r.box) <= box.x + 4) left.push(r);
        else if (inBand(r.head, box) && r.head.x >= right(box) - 4) rightSide.push(r);
      }
      left.sort((a, b) => right(b.box) - right(a.box));
      rightSide.sort((a, b) => a.head.x - b.head.x);
      const others = items.filter((it) => it.ctl !== i && inBand(it.box, box));
      const ctlLeftOf = (rb) => others.filter((it) => right(it.box) <= rb.x + 4 && inBand(it.box, rb))
        .sort((a, b) => right(b.box) - right(a.box))[0];
      const between = (rb) => others.some((it) => it.box.x >= right(rb) - 4 && right(it.box) <= box.x + 4);
      // The caption just left of the control, unless it sits nearer to the control before it.
      const open = left.filter((r) => !between(r.box));
      let near = open[0];
      // a hint beside a label in one cell (セイ above [全角カタカナ]) gives way to the label
      if (near && isHint(near.text)) {
        const home = near.cell || near.block;
        near = open.find((r) => !isHint(r.text) && (r.cell || r.block) === home) || near;
      }
      let beforeRun = null;
      if (near) {
        const prev = ctlLeftOf(near.box);
        const gapPrev = prev ? near.box.x - right(prev.box) : Infinity;
        const gapHere = box.x - right(near.box);
        const prevIsChoice = prev && prev.ctl >= 0 &&
          /^(radio|checkbox)$/.test((controls[prev.ctl].type || "").toLowerCase());
        // a caption as near to both (a space either side) goes to the next box, unless the
        // one before is a radio or box (whose caption follows it)
        const tie = Math.abs(gapHere - gapPrev) <= 2;
        if (!prev || (!tie && gapHere < gapPrev) || (tie && !prevIsChoice)) {
          res.before = near.text;
          beforeRun = near;
          if (!isHint(near.text) && prev) add(near.text, rid(near), "before");
        }
      }
      // The caption just before it in reading order, in its own cell, on a line above it (the
      // control wrapped onto the next line): it beats a label from another cell.
      const fp = infoOf.get(flowPrev.get(c));
      const ownHome = (r) => homeOf(r, box).contains(c);
      if (fp && !isHint(fp.text) && bottom(fp.box) <= box.y + 4 && ownHome(fp) &&
          !(fp.afterCtl && /^(radio|checkbox)$/i.test(fp.afterCtl.type || "")) &&
          (!beforeRun || !ownHome(beforeRun))) {
        res.before = fp.text;
        if (fp.afterCtl) add(fp.text, rid(fp), "before");
      }
      // The caption just right of it, unless nearer to the next control.
      const after = rightSide.find((r) => !others.some((it) => it.box.x >= right(box) - 4 &&
        right(it.box) <= r.head.x + 4));
      if (after) {
        const hb = after.head;
        const next = others.filter((it) => it.box.x >= right(hb) - 4 && inBand(it.box, hb))
          .sort((a, b) => a.box.x - b.box.x)[0];
        const gapNext = next ? next.box.x - right(hb) : Infinity;
        if (hb.x - right(box) <= gapNext) res.after = after.text;
      }
      // The row's labels: text of the band with no control before it, nearest first. One that
      // shares its cell or block with controls is a caption (姓 before a box); one in a cell of
      // its own is the row's label; one further left that spans this row and more is a group
      // label (一括請求先 over コード / 企業名 / 事業所名, a layout table's outer label).
      const chain = left.filter((r) => !isHint(r.text) && !ctlLeftOf(r.box));
      let first = null;
      // The page's own structure first, where it ties a label to the control: the label cell
      // of the control's table row, the <dt> of its <dd>.
      const structural = (() => {
        const dd = c.closest("dd");
        const cell = c.closest("td,th");
        if (dd && (!cell || dd.contains(cell))) {
          let dt = dd.previousElementSibling;
          while (dt && dt.tagName !== "DT") dt = dt.previousElementSibling;
          if (dt) return dt;
        }
        if (cell && cell.parentElement && cell.parentElement.tagName === "TR") {
          return rowLabelCell(cell.parentElement);
        }
        return null;
      })();
      const taken = new Set();
      if (structural && seen(structural)) {
        const r = labelRuns.find((x) => structural.contains(x.first) && !isHint(x.text));
        if (r && ownerOfRun(r) < 0 && right(r.box) <= box.x + 4) {
          add(r.text, rid(r), "row");
          first = r;
          taken.add(r);
        }
      }
      for (const r of chain) {
        if (taken.has(r)) continue;
        const owner = ownerOfRun(r);
        if (owner >= 0 && owner !== i) {
          add(r.text, rid(r), "shared");  // another control's own label (a split field's)
          continue;
        }
        const home = homeOf(r, box);
        const withCtl = home && home !== body && hasControl(home);
        const spans = first && r.vb.y <= cy(first.vb) && cy(first.vb) <= bottom(r.vb) &&
          r.vb.h > first.vb.h * 1.3;
        if (spans) add(r.text, rid(r), "group");
        else if (withCtl && !first) add(r.text, rid(r), "caption");
        else {
          add(r.text, rid(r), "row");
          if (!first) first = r;
        }
      }
      // A label stacked above: the nearest text over the control, nothing between; also when
      // the row's label is a tall column beside several rows (a group label: 一括請求先 beside
      // コード / 企業名 / 事業所名 each stacked over its boxes).
      const tall = first && first.vb.h > 3 * Math.max(box.h, 16);
      if (!first || tall) {
        const sameGroup = (it) => it.ctl >= 0 && choice && controls[it.ctl].name === c.name &&
          (controls[it.ctl].type || "").toLowerCase() === (c.type || "").toLowerCase();
        // the controls before it in its row: text stacked over one of them is their label and
        // stands between this control and anything higher up (氏名 over [姓] [名] under a
        // section heading: the heading is not 名's label)
        const mates = items.filter((it) => it.ctl >= 0 && it.ctl !== i && inBand(it.box, box) &&
          right(it.box) <= box.x + 4);
        // the line's own captions before the control (コード over 登録請求先コード [ ]): a label
        // stacked over that line names the control too
        let x0 = box.x;
        for (const r of left) if (ownHome(r) && !isHint(r.text)) x0 = Math.min(x0, r.box.x);
        const overMate = (rb) => labelRuns.some((q) => q.box.y >= bottom(rb) - 2 &&
          bottom(q.box) <= box.y + 2 && !isHint(q.text) &&
          mates.some((it) => q.box.x < right(it.box) && right(q.box) > it.box.x));
        const search = (from) => {
          let found = null;
          for (const r of labelRuns) {
            const rb = r.box;
            if (bottom(rb) > box.y + 2 || isHint(r.text) || r.text.length > 40) continue;
            if (/[。．]$/.test(r.text)) continue;  // a sentence, not a label
            if (bandOf(r).some((it) => it.ctl !== i)) continue;  // a caption in a row
            const gap = box.y - bottom(rb);
            if (gap > Math.max(3 * rb.h, 48)) continue;
            if (!(rb.x < right(box) + 8 && right(rb) > from - 8)) continue;
            if (found && gap >= found.gap) continue;
            const blocked = items.some((it) => it.ctl !== i && !sameGroup(it) && it.box.y >= bottom(rb) - 2 &&
              bottom(it.box) <= box.y + 2 && it.box.x < right(box) && right(it.box) > box.x);
            if (!blocked && !(mates.length && overMate(rb))) found = { r, gap };
          }
          return found;
        };
        let best = search(x0);
        // beside a group label column, a line of boxes under one stacked label (コード over
        // [登録請求先コード] [事業所コード]): the label over the line's first box names them all
        if (!best && tall) {
          const line = mates.filter((it) => blockOf(controls[it.ctl].parentElement) === blockOf(c.parentElement));
          if (line.length) best = search(Math.min(x0, ...line.map((it) => it.box.x)));
        }
        if (best) {
          if (tall) {
            const at = labels.findIndex((l) => l.id === rid(first) && l.how === "row");
            if (at >= 0) labels[at] = { ...labels[at], how: "group" };
          }
          add(best.r.text, rid(best.r), "above");
        } else if (tall) {
          tallRows.set(i, rid(first));  // may yet be a group label: see the boxes stacked below
        }
      }
    }
    for (const x of containersOf(c)) add(x.t, x.id, "container");
    return res;
  });
  // A control with no label of its own in its band takes those of the control before it in
  // the band (the 名 box after 氏名 [姓] when its label is stacked above), when only captions
  // lie between.
  out.forEach((res, i) => {
    // (a tall label column beside it counts as no row label here: 一括請求先 beside
    // [事業所コード] stacked under [登録請求先コード], both under コード)
    const tall = tallRows.get(i);
    const own = (l) => (l.how === "row" && l.id !== tall) || l.how === "above";
    if (!res.box || res.labels.some(own)) return;
    let prev = out.filter((o, j) => j !== i && o.box && inBand(o.box, res.box) &&
      right(o.box) <= res.box.x + 4).sort((a, b) => right(b.box) - right(a.box))[0];
    let how = null;
    if (!prev) {
      // a box stacked right under another one (コード: [登録請求先コード] / [事業所コード]): its
      // label is shared, read only by a field made of parts
      prev = out.filter((o, j) => j !== i && o.box && bottom(o.box) <= res.box.y + 2 &&
        res.box.y - bottom(o.box) <= Math.max(24, res.box.h) &&
        o.box.x < right(res.box) && right(o.box) > res.box.x)
        .sort((a, b) => bottom(b.box) - bottom(a.box))[0];
      how = "shared";
    }
    if (!prev) return;
    const inherited = prev.labels
      .filter((l) => l.how === "row" || l.how === "above" || l.how === "group")
      .map((l) => (how ? { ...l, how } : l));
    const have = new Set(res.labels.map((l) => l.id));
    const near = res.labels.filter((l) => l.how === "before" || l.how === "own" || l.how === "caption");
    const rest = res.labels.filter((l) => !near.includes(l));
    res.labels = [...near, ...inherited.filter((l) => !have.has(l.id)), ...rest]
      .map((l) => (l.id === tall && l.how === "row" ? { ...l, how: "group" } : l));
  });

  // Radios and boxes of one name are one choice: those without a label of their own in their
  // band or above take the labels of the first of their group that has some.
  const byName = new Map();
  out.forEach((res) => {
    if (!/^(radio|checkbox)$/.test(res.type) || !res.name) return;
    const k = res.type + " " + res.name;
    if (!byName.has(k)) byName.set(k, []);
    byName.get(k).push(res);
  });
  const placed = (res) => res.labels.some((l) => l.how === "row" || l.how === "above" || l.how === "own");
  for (const group of byName.values()) {
    const donor = group.find(placed);
    if (!donor) continue;
    // the group's label is the first option's: a later option's own reading of the text above
    // it (an instruction, the option above's caption) gives way to it
    const shared = donor.labels.filter((l) => l.how === "row" || l.how === "above" ||
      l.how === "group");
    for (const res of group) {
      if (res === donor) continue;
      const mine = res.labels.filter((l) => l.how !== "above" || shared.some((x) => x.id === l.id));
      const have = new Set(mine.map((l) => l.id));
      const add = shared.filter((l) => !have.has(l.id));
      res.labels = [...mine.filter((l) => l.how === "before"), ...add,
        ...mine.filter((l) => l.how !== "before")];
    }
  }

  // Everything a person reads as a label (for recognition): the labels of every control, and
  // label-like elements (<label>, <dt>, <legend>, <th>).
  const labelSet = new Set();
  for (const o of out) for (const l of o.labels) labelSet.add(l.t);
  for (const el of document.querySelectorAll("label,dt,legend,th")) {
    if (seen(el) && !(el.tagName === "LABEL" && el.control && /^(radio|checkbox)$/.test(el.control.type))) {
      const t = txt(el);
      if (t && t.length <= 60) labelSet.add(t);
    }
  }

  // ---------------------------------------------------------------- step bar / tab bar
  const NEGC = /(inactive|disabled|unselected|notcurrent|not-current|deactive|(^|[-_\s])off([-_\s]|$))/i;
  const MARKC = /(^|[-_])(current|active|selected|on|now|here|cur)([-_]|$)/i;
  const markOf = (chain, top) => {
    const kinds = new Set();
    for (const el of chain) {
      const ac = el.getAttribute("aria-current");
      if ((ac && ac !== "false") || el.getAttribute("aria-selected") === "true") kinds.add("aria");
      for (const c of el.classList) {
        if (NEGC.test(c)) continue;
        if (MARKC.test(c) || /current|active|selected/i.test(c)) kinds.add("class");
      }
      if (/^(STRONG|EM|B)$/.test(el.tagName)) kinds.add("strong");
    }
    if (top.querySelector && top.querySelector("strong,em,b")) kinds.add("strong");
    if (!top.closest("a[href]") && !(top.querySelector && top.querySelector("a[href]"))) kinds.add("nolink");
    return kinds;
  };
  const styleOf = (el) => {
    const s = cs(el);
    const inner = el.firstElementChild && el.children.length === 1 ? cs(el.firstElementChild) : s;
    return [bgOf(el).color, s.color, s.fontWeight, s.borderBottomColor, s.borderTopColor,
      inner.color, inner.fontWeight, inner.backgroundColor].join("|");
  };
  // Greyed out: light grey text, the look of an item that cannot be chosen.
  const greyed = (el) => {
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(cs(el).color);
    if (!m) return false;
    const [r, g, b] = [+m[1], +m[2], +m[3]];
    return Math.min(r, g, b) >= 140 && Math.max(r, g, b) - Math.min(r, g, b) <= 24 && r < 250;
  };
  const disabled = (el) => NEGC.test(typeof el.className === "string" ? el.className : "") ||
    el.getAttribute("aria-disabled") === "true" || greyed(el);
  // Short texts a person reads as one item, once for both bars: for each text node, its
  // ancestors (up to 6) while their text stays short, with the text's key.
  let chainsMemo = null;
  const linkMemo = new Map();
  const NOT_READ = /^(OPTION|OPTGROUP|SELECT|TEXTAREA|SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;
  const textChains = () => {
    if (chainsMemo) return chainsMemo;
    chainsMemo = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (!p || NOT_READ.test(p.tagName) || !n.nodeValue.trim()) continue;
      const chain = [];
      let el = p;
      for (let d = 0; el && el !== body && d < 6; d++, el = el.parentElement) {
        let link = linkMemo.get(el);
        if (link === undefined) {
          link = null;
          if ((el.textContent || "").length <= 120) {
            const t = shownText(el);
            if (t.length <= 60) link = { el, k: key(t) };
          }
          linkMemo.set(el, link);
        }
        if (!link) break;
        chain.push(link);
      }
      if (chain.length) chainsMemo.push(chain);
    }
    return chainsMemo;
  };
  const currentItems = (items0) => {
    if (!items0 || !items0.length) return [];
    const keys = items0.map(key);
    const byLength = keys.map((k, i) => i).filter((i) => keys[i])
      .sort((a, b) => keys[b].length - keys[a].length);
    const REST = /^(step|ステップ|現在|の|選択中|進行中|入力中|表示中|です|current|now|[\d\p{P}\p{S}])*$/iu;
    const NOTE = /現在|選択中|進行中|入力中|表示中|current|now/i;
    const itemOfKey = (k0) => {
      let k = k0;
      const found = new Set();
      for (const i of byLength) {
        if (!k.includes(keys[i])) continue;
        found.add(i);
        k = k.split(keys[i]).join("\u0000");
        if (found.size > 1) return -1;
      }
      if (found.size !== 1) return -1;
      return REST.test(k.replace(/\u0000/g, "")) ? found.values().next().value : -1;
    };
    const itemOf = (s) => itemOfKey(key(s));
    if (!byLength.length) return [];
    // a text holding none of the names is no item: one native test before the closer look
    const ANY = new RegExp(byLength.map((i) => keys[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|"));
    const matches = [];
    const seenTop = new Set();
    for (const links of textChains()) {
      let top = null;
      let idx = -1;
      let upto = 0;
      links.forEach((l, d) => {
        const i = ANY.test(l.k) ? itemOfKey(l.k) : -1;
        if (i >= 0) { top = l.el; idx = i; upto = d; }
      });
      if (!top || seenTop.has(top) || !seen(top)) continue;
      seenTop.add(top);
      const kinds = markOf(links.slice(0, upto + 1).map((l) => l.el), top);
      if (NOTE.test(key(top.textContent).split(keys[idx]).join(""))) kinds.add("text");
      matches.push({ idx, top, kinds });
    }
    const IMG_MARK = /(^|[-_.])(on|current|active|now|cur|here|sel|selected)([-_.]|$)/i;
    for (const img of document.querySelectorAll("img[alt]")) {
      const idx = itemOf(img.alt);
      if (idx < 0 || seenTop.has(img) || !seen(img)) continue;
      seenTop.add(img);
      const chain = [img];
      for (let a = img.parentElement, d = 0; a && a !== body && d < 3; d++, a = a.parentElement) {
        if (clean(a.textContent)) break;
        chain.push(a);
      }
      const kinds = markOf(chain, img);
      const file = ((img.getAttribute("src") || "").split(/[?#]/)[0].split("/").pop() || "")
        .replace(/\.[a-z0-9]+$/i, "");
      if (IMG_MARK.test(file)) kinds.add("img");
      matches.push({ idx, top: img, kinds });
    }
    const inBar = matches.filter((m) => {
      let a = m.top.parentElement;
      for (let d = 0; a && a !== body && d < 4; d++, a = a.parentElement) {
        const inside = matches.filter((o) => a.contains(o.top));
        const idxs = new Set(inside.map((o) => o.idx));
        if (idxs.size < 2) continue;
        const ownLen = inside.reduce((n, o) => n + keys[o.idx].length + 4, 0);
        const all = key(shownText(a));
        if (all.length <= ownLen) return true;
        let rest = all;
        for (const i of byLength) if (idxs.has(i)) rest = rest.split(keys[i]).join("");
        return rest.length <= 8 * inside.length && REST.test(rest);
      }
      return false;
    });
    const usable = inBar.filter((m) => !disabled(m.top));
    const sigs = usable.map((m) => styleOf(m.top));
    const unique = usable.filter((m, i) => sigs.filter((x) => x === sigs[i]).length === 1);
    if (unique.length === 1 && usable.length >= 3) unique[0].kinds.add("style");
    for (const kind of ["aria", "class", "text", "img", "strong", "style", "nolink"]) {
      const marked = inBar.filter((m) => m.kinds.has(kind));
      if (marked.length > 0 && marked.length < inBar.length) {
        return Array.from(new Set(marked.map((m) => items0[m.idx])));
      }
    }
    return [];
  };

  // ---------------------------------------------------------------- header, errors
  // The header a person reads at the top: a marked-up header, else the text and the logos'
  // alt texts in the first band of the page (above the first control).
  const header = [];
  for (const el of document.querySelectorAll("header,[role=banner],h1,#header,.header,#title,.title")) {
    if (seen(el)) header.push(txt(el));
    if (header.length > 6) break;
  }
  const firstCtl = Math.min(...items.map((it) => it.box.y), Infinity);
  const top = Math.min(160, firstCtl);
  for (const r of runInfo) if (r.box.y < top) header.push(r.text);
  // Pictures a person reads (a logo, a heading or caption drawn as an image), not buttons.
  const pictures = [];
  for (const img of document.querySelectorAll("img[alt]")) {
    const alt = clean(img.alt);
    if (!alt || !seen(img) || btnEls.has(img) || img.closest("a[href],button,[onclick],[role=button]")) {
      continue;
    }
    const b = boxOf(img);
    if (!b) continue;
    pictures.push(alt);
    if (b.y < top) header.push(alt);
  }
  const errors = [];
  const taken = [];
  for (const el of document.querySelectorAll(
    "[role=alert],[class*=error],[class*=Error],[class*=err],[class*=alert],[class*=warn]," +
    "[class*=invalid],[class*=Invalid],[aria-live=assertive]")) {
    if (!seen(el) || taken.some((t) => t.contains(el))) continue;
    if (hasControl(el)) continue;
    const t = txt(el);
    if (t && !errors.includes(t)) { errors.push(t); taken.push(el); }
  }
  for (const el of document.querySelectorAll("[aria-invalid=true]")) {
    for (const a of ["aria-errormessage", "aria-describedby"]) {
      for (const id of (el.getAttribute(a) || "").split(/\s+/)) {
        const m = id ? document.getElementById(id) : null;
        if (!m || !seen(m) || taken.some((t) => t.contains(m))) continue;
        const t = txt(m);
        if (t && !errors.includes(t)) { errors.push(t); taken.push(m); }
      }
    }
  }

  const result = {
    title: clean(document.title),
    header: header.join(" "),
    headings: headings.map(({ text, level, order: o, how }) => ({ text, level, order: o, how })),
    labels: Array.from(labelSet),
    buttons,
    controls: out,
    steps: currentItems(opts && opts.steps),
    tabs: currentItems(opts && opts.tabs),
    text: [body.innerText || "", ...pictures].join("\n"),
    errors,
  };
  if (!ahead) {
    applyMarks();
    return result;
  }
  // What a person could see change without the DOM changing: the window, the scroll, the fonts,
  // where each control, button and run of text is (a picture that loaded since moves them), and
  // each control's value and state.
  const looks = () => {
    const de = document.documentElement;
    const parts = [innerWidth, innerHeight, scrollX, scrollY, de.scrollWidth, de.scrollHeight,
      document.fonts ? document.fonts.status : ""];
    for (const [el] of marks) {
      const r = el.getBoundingClientRect();
      parts.push(el.isConnected, Math.round(r.left), Math.round(r.top), Math.round(r.width),
        Math.round(r.height));
      if (cindex.has(el)) parts.push(el.value, el.checked, el.selectedIndex, el.disabled, el.readOnly);
    }
    for (const r of runs) {
      range.selectNodeContents(r.nodes[0]);
      const b = range.getBoundingClientRect();
      parts.push(Math.round(b.left), Math.round(b.top));
    }
    return parts.join("|");
  };
  const then = looks();
  Object.defineProperty(result, "ahead", { enumerable: false,
    value: { still: () => looks() === then, apply: applyMarks } });
  return result;
}
