// Shared by the page scripts that read text the way a person sees it (facts.js, form.js).
// recognition._load_js puts it where a script has an include comment naming this file.
// The including script sets HIDE_DISPLAY_NONE first: facts.js skips display:none text,
// form.js keeps it.
  const CONTROL = "input:not([type=hidden]):not([type=submit]):not([type=button])" +
    ":not([type=image]):not([type=reset]),select,textarea";
  const clean = (s) => (s || "").replace(/[\s\u00a0\u3000]+/g, " ").trim();
  const key = (s) => (s || "").normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[※]/g, "");
  const vis = (el) => !el.checkVisibility || el.checkVisibility();
  // Helper text a person does not see: screen-reader-only notes and ruby readings (furigana).
  const SR = /(^|[-_\s])(sr-only|visually-?hidden|screen-?reader(-text)?|assistive(-text)?|a11y-hidden|hidden-visually|u-hidden-visually|offscreen)([-_\s]|$)/i;
  // Memoised for one call of the including script (the page does not change during it): the
  // step/tab search asks for the same elements' text from every text node below them.
  const unseenMemo = new Map();
  const shownMemo = new Map();
  const unseen = (el) => {
    let v = unseenMemo.get(el);
    if (v === undefined) { v = unseenNow(el); unseenMemo.set(el, v); }
    return v;
  };
  const unseenNow = (el) => {
    if (/^(RT|RP|SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(el.tagName)) return true;
    if (SR.test(el.getAttribute("class") || "")) return true;
    const cs = getComputedStyle(el);
    if (HIDE_DISPLAY_NONE && cs.display === "none") return true;
    if (cs.position !== "absolute" && cs.position !== "fixed") return false;
    return /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(cs.clip) ||
      /inset\(50%\)/.test(cs.clipPath) ||
      (parseFloat(cs.width) <= 1 && parseFloat(cs.height) <= 1 && cs.overflow === "hidden");
  };
  // The text a person sees in ``el`` (its own hidden state aside).
  const shown = (el) => {
    if (!el.firstElementChild) return el.textContent || "";
    let out = shownMemo.get(el);
    if (out !== undefined) return out;
    out = "";
    for (const ch of el.childNodes) {
      if (ch.nodeType === 3) out += ch.nodeValue;
      else if (ch.nodeType === 1 && !unseen(ch)) out += shown(ch);
    }
    shownMemo.set(el, out);
    return out;
  };
  // Only when nothing shows (an icon button with a screen-reader caption) the full text.
  const txt = (el) => clean(shown(el)) || clean(el.textContent);
  // Where the search for a control's label among its ancestors' earlier siblings stops.
  const LABEL_SEARCH_STOP = /^(BODY|FORM|TD|TH|DD|TR|TABLE|TBODY|UL|OL)$/;
  const cellsOf = (tr) => Array.from(tr.children).filter(
    (c) => c.tagName === "TH" || c.tagName === "TD");
