// The operator's overlay: outlines, badges, the field panel and the "press it yourself" banner.
//
// It never changes a form's data. Inside a <form> it only sets (and later restores) the
// inline outline of controls; every badge, arrow, banner and panel lives in one shadow root
// on a host element appended to <body>, positioned from getBoundingClientRect() and
// repositioned on scroll and resize. The shadow root keeps the overlay's text out of
// document.body.innerText, so page recognition never reads it. Badges ignore the pointer
// (pointer-events:none); only the panel's small collapse button takes clicks. Calling any
// operation again replaces what it drew before: nothing is ever duplicated.
//
// Called as (arg) from page.evaluate or (element, arg) from locator.evaluate, where arg is
// {op: "fields" | "guard" | "lines" | "clear", ...}.
(first, second) => {
  const el0 = second === undefined ? null : first;
  const arg = second === undefined ? first : second;
  const HOST = "nss-autofill-overlay";
  const KEY = "__nssafOverlay";
  const STYLES = {
    ok: {outline: "2px solid #1a7f37", badge: "✓", color: "#1a7f37"},
    kept: {outline: "3px dashed #0550ae", badge: "保", color: "#0550ae"},
    human: {outline: "3px dotted #9a6700", badge: "要", color: "#9a6700"},
    problem: {outline: "4px double #cf222e", badge: "！", color: "#cf222e"},
    none: {outline: "", badge: "－", color: "#57606a"},
    guard: {outline: "4px dashed #c00", badge: "▶", color: "#c00"},
  };
  const FONT = '"Meiryo", "Yu Gothic UI", "Yu Gothic", "Hiragino Sans", "IPAPGothic", ' +
    '"IPAGothic", sans-serif';
  const CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .badge { position: fixed; z-index: 2147483647; pointer-events: none; min-width: 18px;
      height: 18px; padding: 0 3px; border-radius: 9px; color: #fff; font: bold 12px/18px
      ${FONT}; text-align: center; box-shadow: 0 0 0 2px #fff; white-space: nowrap; }
    .badge.ok { background: #1a7f37; }
    .badge.kept { background: #0550ae; }
    .badge.human { background: #9a6700; }
    .badge.problem { background: #cf222e; }
    .arrow { position: fixed; z-index: 2147483647; pointer-events: none; background: #fff3cd;
      color: #000; border: 3px solid #c00; border-radius: 6px; padding: 4px 8px;
      font: bold 14px/1.3 ${FONT}; white-space: nowrap; box-shadow: 0 2px 6px #0004; }
    .banner { position: fixed; left: 0; right: 0; top: 0; z-index: 2147483647;
      pointer-events: none; background: #fff3cd; color: #000; border-bottom: 3px solid #c00;
      padding: 8px 12px; font: bold 15px/1.4 ${FONT}; }
    .panel { position: fixed; right: 8px; z-index: 2147483647; pointer-events: none;
      width: 380px; max-width: calc(100vw - 16px); max-height: 60vh; overflow: hidden;
      background: #fff; color: #000; border: 2px solid #444; border-radius: 6px;
      font: 12px/1.45 ${FONT}; box-shadow: 0 2px 10px #0005; opacity: 0.96; }
    .head { display: flex; align-items: center; gap: 6px; padding: 4px 6px;
      background: #24292f; color: #fff; font-weight: bold; }
    .head .title { flex: 1; }
    .toggle { pointer-events: auto; cursor: pointer; border: 1px solid #fff; border-radius: 4px;
      background: #fff; color: #000; font: bold 12px ${FONT}; padding: 1px 6px; }
    .sum { padding: 3px 6px; border-bottom: 1px solid #ccc; background: #f6f8fa; }
    .sum span { margin-right: 10px; white-space: nowrap; }
    .list { margin: 0; padding: 0; list-style: none; max-height: calc(60vh - 60px);
      overflow: hidden; }
    .list li { display: flex; gap: 6px; padding: 2px 6px; border-bottom: 1px solid #eee; }
    .list li .icon { flex: none; width: 20px; text-align: center; font-weight: bold; }
    .list li .txt { flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .list li .st { color: #444; }
    .list li .det { display: block; color: #444; font-size: 11px; }
    .list li.problem { background: #ffebe9; }
    .list li.human { background: #fff8c5; }
    .list li.kept { background: #ddf4ff; }
    .sec { padding: 3px 6px; font-weight: bold; background: #eaeef2; }
    .panel.collapsed .list, .panel.collapsed .sec, .panel.collapsed .lines { display: none; }
    .lines { margin: 0; padding: 4px 6px; white-space: pre-wrap; }
  `;

  const st = window[KEY] || (() => {
    const s = {
      outlined: [], // [{el, outline, offset, hadStyle}]
      marks: [], // [{els, node, side}] badges next to controls
      arrow: null, // {el, node}
      collapsed: false,
      fields: null, // {items, summary}
      lines: null, // {title, lines}
      banner: null, // text
      frame: 0,
    };
    Object.defineProperty(window, KEY, {value: s, configurable: true, enumerable: false});
    const later = () => {
      if (!s.frame) s.frame = requestAnimationFrame(() => { s.frame = 0; place(s); });
    };
    window.addEventListener("scroll", later, {capture: true, passive: true});
    window.addEventListener("resize", later, {passive: true});
    if (window.ResizeObserver) new ResizeObserver(later).observe(document.documentElement);
    s.later = later;
    return s;
  })();

  function root() {
    let host = document.getElementById(HOST);
    if (!host || !host.shadowRoot) {
      if (host) host.remove();
      host = document.createElement("div");
      host.id = HOST;
      host.style.cssText = "all:initial;position:fixed;left:0;top:0;width:0;height:0;" +
        "z-index:2147483647;pointer-events:none";
      const sr = host.attachShadow({mode: "open"});
      const style = document.createElement("style");
      style.textContent = CSS;
      sr.appendChild(style);
      for (const part of ["marks", "ui"]) {
        const d = document.createElement("div");
        d.className = part;
        if (part === "marks") d.setAttribute("aria-hidden", "true"); // badges: visual only
        sr.appendChild(d);
      }
    }
    if (host.parentNode !== document.body) document.body.appendChild(host);
    return host.shadowRoot;
  }

  function outline(el, value) {
    if (!st.outlined.some((o) => o.el === el)) {
      st.outlined.push({
        el, hadStyle: el.hasAttribute("style"),
        outline: el.style.getPropertyValue("outline"),
        prio: el.style.getPropertyPriority("outline"),
        offset: el.style.getPropertyValue("outline-offset"),
      });
    }
    el.style.setProperty("outline", value, "important");
    el.style.setProperty("outline-offset", "2px", "important");
  }

  function restore(keep) {
    st.outlined = st.outlined.filter((o) => {
      if (keep && keep(o.el)) return true;
      o.el.style.removeProperty("outline");
      o.el.style.removeProperty("outline-offset");
      if (o.outline) o.el.style.setProperty("outline", o.outline, o.prio);
      if (o.offset) o.el.style.setProperty("outline-offset", o.offset);
      if (!o.hadStyle && !o.el.style.cssText) {
        o.el.getAttribute("style"); // Chrome syncs a changed inline style lazily: sync it first,
        o.el.removeAttribute("style"); // or the removed attribute comes back as style=""
      }
      return false;
    });
  }

  function make(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function shown(el) {
    if (!el.isConnected) return null;
    const r = el.getBoundingClientRect();
    return r.width || r.height ? r : null;
  }

  function union(els) {
    let box = null;
    for (const e of els) {
      const r = shown(e);
      if (!r) continue;
      box = box ? {left: Math.min(box.left, r.left), top: Math.min(box.top, r.top),
        right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom)} :
        {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    }
    return box;
  }

  function place(s) {
    const vw = document.documentElement.clientWidth;
    for (const m of s.marks) {
      const first = shown(m.els[0]);
      const last = shown(m.els[m.els.length - 1]);
      if (!first || !last) { m.node.style.display = "none"; continue; }
      m.node.style.display = "";
      const w = m.node.offsetWidth || 20;
      const h = m.node.offsetHeight || 20;
      if (m.side === "corner") { // on the top-right corner: hides no hint text beside it
        m.node.style.left = Math.min(vw - w, last.right - w / 2 - 2) + "px";
        m.node.style.top = (last.top - h / 2 + 1) + "px";
        continue;
      }
      let left = m.side === "left" ? first.left - w - 6 : last.right + 6;
      if (left + w > vw) left = first.left - w - 6;
      if (left < 0) left = Math.max(0, last.right - w);
      const r = m.side === "left" ? first : last;
      m.node.style.left = left + "px";
      m.node.style.top = (r.top + (r.height - h) / 2) + "px";
    }
    if (s.arrow) {
      const r = shown(s.arrow.el);
      const n = s.arrow.node;
      if (!r) { n.style.display = "none"; } else {
        n.style.display = "";
        const w = n.offsetWidth;
        const h = n.offsetHeight;
        let right = r.right + 10 + w <= vw;
        if (!right && r.left - 10 - w < 0) right = true;
        n.textContent = right ? s.arrow.textRight : s.arrow.textLeft;
        n.style.left = (right ? r.right + 10 : r.left - 10 - n.offsetWidth) + "px";
        n.style.top = (r.top + (r.height - h) / 2) + "px";
      }
    }
    const banner = s.sr && s.sr.querySelector(".banner");
    const panel = s.sr && s.sr.querySelector(".panel");
    if (panel) panel.style.top = ((banner ? banner.offsetHeight : 0) + 8) + "px";
  }

  function drawUi(sr) {
    const ui = sr.querySelector(".ui");
    ui.textContent = "";
    if (st.banner) {
      const b = make("div", "banner", st.banner);
      b.setAttribute("role", "alert");
      ui.appendChild(b);
    }
    if (!st.fields && !st.lines) return;
    const panel = make("section", "panel" + (st.collapsed ? " collapsed" : ""));
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "nss-autofill");
    const head = make("div", "head");
    head.appendChild(make("span", "title", "nss-autofill　この画面の状況 / Status of this page"));
    const toggle = make("button", "toggle", st.collapsed ? "＋ 開く / open" : "－ 閉じる / close");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", String(!st.collapsed));
    toggle.addEventListener("click", (ev) => {
      ev.preventDefault();
      ev.stopPropagation();
      st.collapsed = !st.collapsed;
      drawUi(sr);
      place(st);
    });
    head.appendChild(toggle);
    panel.appendChild(head);
    if (st.fields) {
      const sum = make("div", "sum");
      for (const [cat, label] of st.fields.summary) {
        sum.appendChild(make("span", cat, label));
      }
      panel.appendChild(sum);
    }
    if (st.lines) {
      panel.appendChild(make("div", "sec", st.lines.title));
      const ul = make("ul", "list lines-list");
      for (const line of st.lines.lines) {
        const li = make("li", "problem");
        li.appendChild(make("span", "icon", "✗"));
        li.appendChild(make("span", "txt", line));
        ul.appendChild(li);
      }
      panel.appendChild(ul);
    }
    if (st.fields) {
      panel.appendChild(make("div", "sec", "項目 / Fields"));
      const ul = make("ul", "list fields-list");
      for (const it of st.fields.items) {
        const li = make("li", it.category);
        li.setAttribute("data-field", it.id);
        li.setAttribute("data-status", it.status);
        li.appendChild(make("span", "icon", STYLES[it.category].badge));
        const txt = make("span", "txt");
        txt.appendChild(make("span", "lab", it.label + " "));
        txt.appendChild(make("span", "st", "— " + it.statusText));
        if (it.detail) txt.appendChild(make("span", "det", it.detail));
        li.appendChild(txt);
        ul.appendChild(li);
      }
      panel.appendChild(ul);
    }
    ui.appendChild(panel);
  }

  const op = arg.op;
  const sr = root();
  st.sr = sr;
  const marks = sr.querySelector(".marks");

  if (op === "clear") {
    restore(null);
    st.marks = [];
    st.arrow = null;
    st.fields = null;
    st.lines = null;
    st.banner = null;
    document.getElementById(HOST).remove();
    return true;
  }

  if (op === "fields") {
    const guarded = st.arrow ? st.arrow.el : null;
    restore((e) => e === guarded);
    for (const m of st.marks) m.node.remove();
    st.marks = [];
    for (const it of arg.items) {
      const look = STYLES[it.category];
      const els = [];
      for (const sel of it.selectors) {
        for (const e of document.querySelectorAll(sel)) if (!els.includes(e)) els.push(e);
      }
      if (!els.length || !look.outline) continue;
      for (const e of els) if (e !== guarded) outline(e, look.outline);
      const node = make("div", "badge " + it.category, look.badge);
      node.setAttribute("data-field", it.id);
      marks.appendChild(node);
      st.marks.push({els, node, side: it.side});
    }
    st.fields = {items: arg.items, summary: arg.summary};
  }

  if (op === "guard") {
    const el = el0;
    if (st.arrow && st.arrow.el !== el) restore((e) => e !== st.arrow.el);
    if (st.arrow) st.arrow.node.remove();
    outline(el, STYLES.guard.outline);
    const caption = String(arg.caption || "").trim();
    const node = make("div", "arrow");
    node.setAttribute("data-role", "press-yourself");
    marks.appendChild(node);
    st.arrow = {
      el, node,
      textRight: "◀ ご自身で押してください / press it yourself",
      textLeft: "ご自身で押してください / press it yourself ▶",
    };
    node.textContent = st.arrow.textRight;
    st.banner = "▼ 内容をご確認のうえ、ご自身で押してください 「" + caption + "」 / " +
      "Please review the page, then press 「" + caption + "」 yourself.";
    el.scrollIntoView({block: "center", inline: "nearest"});
  }

  if (op === "lines") st.lines = {title: arg.title, lines: arg.lines};

  drawUi(sr);
  place(st);
  return true;
}
