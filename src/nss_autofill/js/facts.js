// Read what a person sees on the page, in one pass: title, header, headings, row labels,
// button captions, the current step/tab item, body text and error messages.
// Called by recognition.read_facts with {steps: [...], tabs: [...]} from the catalogue.
(opts) => {
  const HIDE_DISPLAY_NONE = true;
  /* @include text.js */

  // Headings: h1-h6, caption, legend, role=heading, and full-row header rows of tables.
  const headings = [];
  for (const el of document.querySelectorAll(
    "h1,h2,h3,h4,h5,h6,caption,legend,[role=heading]")) {
    if (vis(el)) headings.push(txt(el));
  }
  const labels = [];
  for (const tr of document.querySelectorAll("tr")) {
    if (!vis(tr)) continue;
    const cells = cellsOf(tr);
    if (cells.length === 1) {
      if (cells[0].tagName === "TH" && !cells[0].querySelector(CONTROL)) {
        headings.push(txt(cells[0]));
      }
      continue;
    }
    const firstControl = cells.findIndex((c) => c.querySelector(CONTROL));
    cells.forEach((c, i) => {
      if (c.querySelector(CONTROL)) return;
      // header cells that are the row's own children, or a plain cell before the control cell
      if (c.tagName === "TH" || (firstControl > i)) labels.push(txt(c));
    });
  }
  for (const el of document.querySelectorAll("label,dt,legend")) {
    if (vis(el)) labels.push(txt(el));
  }
  // Grid and div rows (<div class=row><div class=col-3>氏名</div><div class=col-9><input>):
  // the nearest text before a control, up to four levels out, that holds no control itself.
  // Extra candidates do no harm here: a label signal only asks whether its label is shown.
  for (const c of document.querySelectorAll(CONTROL)) {
    if (!vis(c) || c.closest("tr")) continue;
    let branch = c;
    for (let d = 0, found = false; d < 4 && !found; d++, branch = branch.parentElement) {
      if (!branch.parentElement || LABEL_SEARCH_STOP.test(branch.parentElement.tagName)) break;
      for (let s = branch.previousElementSibling; s; s = s.previousElementSibling) {
        if (s.tagName === "BR" || !vis(s)) continue;
        if (s.matches(CONTROL) || s.querySelector(CONTROL)) break;
        const t = txt(s);
        if (t) { labels.push(t); found = true; break; }
      }
    }
  }
  for (const el of document.querySelectorAll("[aria-label]")) {
    if (el.matches(CONTROL) && vis(el)) labels.push(clean(el.getAttribute("aria-label")));
  }
  // Names of a group of controls (a radio group, a date made of three selects).
  const GROUP = "fieldset,[role=group],[role=radiogroup]";
  for (const el of document.querySelectorAll(GROUP)) {
    if (vis(el) && el.getAttribute("aria-label") && el.querySelector(CONTROL)) {
      labels.push(clean(el.getAttribute("aria-label")));
    }
  }
  for (const el of document.querySelectorAll("[aria-labelledby]")) {
    if (!(el.matches(CONTROL) || (el.matches(GROUP) && el.querySelector(CONTROL))) ||
        !vis(el)) continue;
    const parts = el.getAttribute("aria-labelledby").split(/\s+/)
      .map((id) => document.getElementById(id)).filter((x) => x).map(txt);
    labels.push(parts.join(" "));
  }

  // Button captions: anything a person can press.
  const buttons = [];
  for (const el of document.querySelectorAll(
    "input[type=submit],input[type=button],input[type=image],input[type=reset]," +
    "button,a,[onclick],[role=button]")) {
    if (!vis(el)) continue;
    let cap = "";
    if (el.tagName === "INPUT") {
      cap = el.type === "image" ? (el.alt || el.value || "") : (el.value || "");
    } else {
      const img = el.querySelector("img[alt]");
      cap = txt(el) || el.getAttribute("aria-label") || el.getAttribute("title") ||
        (img ? img.alt : "") || "";
    }
    cap = clean(cap);
    if (cap && cap.length <= 60) buttons.push(cap);
  }

  // Step bar / tab bar: elements whose text is one of the items; current by marker.
  const MARK = /(^|[-_])(current|active|selected|on|now|here|cur)([-_]|$)/i;
  const NEG = /(inactive|disabled|unselected|notcurrent|not-current|deactive)/i;
  const markOf = (chain, top) => {
    const kinds = new Set();
    for (const el of chain) {
      const ac = el.getAttribute("aria-current");
      if ((ac && ac !== "false") || el.getAttribute("aria-selected") === "true") {
        kinds.add("aria");
      }
      for (const c of el.classList) {
        if (NEG.test(c)) continue;
        if (MARK.test(c) || /current|active|selected/i.test(c)) kinds.add("class");
      }
      if (/^(STRONG|EM|B)$/.test(el.tagName)) kinds.add("strong");
    }
    if (top.querySelector("strong,em,b")) kinds.add("strong");
    if (!top.closest("a[href]") && !top.querySelector("a[href]")) kinds.add("nolink");
    return kinds;
  };
  // What a person sees: the one item drawn differently from all the others (disabled items,
  // drawn differently too, do not count).
  const styleOf = (el) => {
    const cs = getComputedStyle(el);
    return [cs.backgroundColor, cs.color, cs.fontWeight, cs.borderBottomColor].join("|");
  };
  const disabled = (el) => NEG.test(el.className || "") ||
    el.getAttribute("aria-disabled") === "true";
  const currentItems = (items) => {
    if (!items || !items.length) return [];
    const keys = items.map(key);
    // Longest names first, so 「NACCS利用申込完了」 is not also read as 「NACCS利用申込」.
    const byLength = keys.map((k, i) => i).filter((i) => keys[i])
      .sort((a, b) => keys[b].length - keys[a].length);
    // The one item an element's text names: exactly one catalogue name in it (each occurrence
    // taken out before shorter names are looked for), the rest being a number or a short note
    // such as （現在）. Two names, or none, is not an item.
    const itemOf = (s) => {
      let k = key(s);
      const found = new Set();
      for (const i of byLength) {
        if (!k.includes(keys[i])) continue;
        found.add(i);
        k = k.split(keys[i]).join("\u0000");
        if (found.size > 1) return -1;
      }
      if (found.size !== 1) return -1;
      const rest = k.replace(/\u0000/g, "");
      return REST.test(rest) ? found.values().next().value : -1;
    };
    const NOTE = /現在|選択中|進行中|入力中|表示中|current|now/i;
    // What may sit beside the name in an item: numbering, marks, and a "current" note.
    const REST = /^(step|ステップ|現在|の|選択中|進行中|入力中|表示中|です|current|now|[\d\p{P}\p{S}])*$/iu;
    const matches = [];
    const seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue.trim()) continue;
      let el = n.parentElement;
      const chain = [];
      let top = null;
      let idx = -1;
      for (let d = 0; el && el !== document.body && d < 6; d++, el = el.parentElement) {
        if ((el.textContent || "").length > 120) break;
        const t = shown(el);
        if (t.length > 60) break;
        chain.push(el);
        const i = itemOf(t);
        if (i >= 0) { top = el; idx = i; }
      }
      if (!top || seen.has(top) || !vis(top)) continue;
      seen.add(top);
      const kinds = markOf(chain.slice(0, chain.indexOf(top) + 1), top);
      // a note in the item itself, seen or for screen readers only: 「（現在）」「現在のステップ」
      if (NOTE.test(key(top.textContent).split(keys[idx]).join(""))) kinds.add("text");
      matches.push({ idx, top, kinds });
    }
    // Image items (old step bars drawn as pictures): the alt text names the item, and the
    // picture's file name may say which one is current (step3_on.gif, tab_current.png).
    const IMG_MARK = /(^|[-_.])(on|current|active|now|cur|here|sel|selected)([-_.]|$)/i;
    for (const img of document.querySelectorAll("img[alt]")) {
      const idx = itemOf(img.alt);
      if (idx < 0 || seen.has(img) || !vis(img)) continue;
      seen.add(img);
      const chain = [img];
      for (let a = img.parentElement, d = 0; a && a !== document.body && d < 3;
        d++, a = a.parentElement) {
        if (clean(a.textContent)) break;
        chain.push(a);
      }
      const kinds = markOf(chain, img);
      const file = ((img.getAttribute("src") || "").split(/[?#]/)[0].split("/").pop() || "")
        .replace(/\.[a-z0-9]+$/i, "");
      if (IMG_MARK.test(file)) kinds.add("img");
      matches.push({ idx, top: img, kinds });
    }
    // Only items that sit in a bar with other items count (a heading repeating a step
    // name is not the step bar).
    // The bar is a small container holding little besides its items.
    const inBar = matches.filter((m) => {
      let a = m.top.parentElement;
      for (let d = 0; a && a !== document.body && d < 4; d++, a = a.parentElement) {
        const inside = matches.filter((o) => a.contains(o.top));
        const idxs = new Set(inside.map((o) => o.idx));
        if (idxs.size < 2) continue;
        const own = inside.reduce((n, o) => n + keys[o.idx].length + 4, 0);
        const all = key(shown(a));
        if (all.length <= own) return true;
        // More than a few marks per item, but only numbering and notes (「STEP1」「STEP2」…).
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
    // The first kind of marker that marks some items but not all of them decides.
    for (const kind of ["aria", "class", "text", "img", "strong", "style", "nolink"]) {
      const marked = inBar.filter((m) => m.kinds.has(kind));
      if (marked.length > 0 && marked.length < inBar.length) {
        return Array.from(new Set(marked.map((m) => items[m.idx])));
      }
    }
    return [];
  };

  // Page header: the title line a person reads at the top.
  const header = [];
  for (const el of document.querySelectorAll(
    "header,[role=banner],h1,#header,.header,#title,.title")) {
    if (vis(el)) header.push(txt(el));
    if (header.length > 6) break;
  }

  const errors = [];
  const taken = [];
  for (const el of document.querySelectorAll(
    "[role=alert],[class*=error],[class*=Error],[class*=err],[class*=alert],[class*=warn]," +
    "[class*=invalid],[class*=Invalid],[aria-live=assertive]")) {
    if (!vis(el) || taken.some((t) => t.contains(el))) continue;
    if (el.matches(CONTROL) || el.querySelector(CONTROL)) continue;  // the box, not a message
    const t = txt(el);
    if (t && !errors.includes(t)) { errors.push(t); taken.push(el); }
  }
  // A control marked invalid names its message: aria-errormessage / aria-describedby.
  for (const el of document.querySelectorAll("[aria-invalid=true]")) {
    for (const a of ["aria-errormessage", "aria-describedby"]) {
      for (const id of (el.getAttribute(a) || "").split(/\s+/)) {
        const m = id ? document.getElementById(id) : null;
        if (!m || !vis(m) || taken.some((t) => t.contains(m))) continue;
        const t = txt(m);
        if (t && !errors.includes(t)) { errors.push(t); taken.push(m); }
      }
    }
  }

  return {
    title: clean(document.title),
    header: header.join(" "),
    headings: headings.filter((h) => h),
    labels: labels.filter((l) => l),
    buttons,
    steps: currentItems(opts.steps),
    tabs: currentItems(opts.tabs),
    text: document.body ? document.body.innerText : "",
    errors,
  };
}
