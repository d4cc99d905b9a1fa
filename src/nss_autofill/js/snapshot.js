// The page as the tool left it, for the audit bundle: the rendered document serialised with
// the form's current values (typed text, ticked boxes, chosen options) written into it, its
// readable style sheets inlined, and nothing that acts — no scripts, no frames, no handlers, no
// links, every control disabled, and a policy that forbids any submission and any script.
// Password inputs and the controls given as sensitive are masked. One call, a few ms; a person
// opens the file in a browser to see the page. (Secrets shown as text are masked by the caller.)
({sensitive, mask}) => {
  const MASKED = mask || "********";
  const hidden = new Set();
  for (const sel of sensitive || []) {
    for (const el of document.querySelectorAll(sel)) hidden.add(el);
  }
  for (const el of document.querySelectorAll("input[type=password]")) hidden.add(el);
  const FORM_SEL = "input,select,textarea,option";
  const live = Array.from(document.querySelectorAll(FORM_SEL));
  // copied into a document of its own, with no window: nothing in the copy loads or runs (a
  // clone kept in this document would fetch its images again)
  const inert = document.implementation.createHTMLDocument("");
  const copy = inert.importNode(document.documentElement, true);
  const copies = Array.from(copy.querySelectorAll(FORM_SEL));
  live.forEach((el, i) => {
    const c = copies[i];
    if (!c) return;
    const list = el.closest && el.closest("select");
    const secret = hidden.has(el) || (list && hidden.has(list));
    if (el.tagName === "INPUT") {
      const t = (el.type || "").toLowerCase();
      if (t === "checkbox" || t === "radio") {
        if (el.checked) c.setAttribute("checked", ""); else c.removeAttribute("checked");
      } else if (t !== "file") {
        c.setAttribute("value", secret && el.value ? MASKED : el.value);
      }
    } else if (el.tagName === "TEXTAREA") {
      c.textContent = secret && el.value ? MASKED : el.value;
    } else if (el.tagName === "OPTION") {
      if (secret) c.textContent = MASKED;
      if (el.selected) c.setAttribute("selected", ""); else c.removeAttribute("selected");
    }
  });
  // style sheets the page may read, inlined in order; the others are left out
  const css = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      css.push(Array.from(sheet.cssRules).map((r) => r.cssText).join("\n"));
    } catch (e) {}
  }
  const drop = "script,noscript,iframe,frame,object,embed,base,link,meta,template,style";
  for (const s of copy.querySelectorAll(drop)) s.remove();
  const walker = inert.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT);
  for (let e = walker.currentNode; e; e = walker.nextNode()) {
    for (const a of Array.from(e.attributes || [])) {
      const n = a.name.toLowerCase();
      if (n.startsWith("on") || n.startsWith("data-nssaf") || n === "formaction" ||
          n === "action" || n === "href" || n === "srcset" || n === "ping" || n === "target") {
        e.removeAttribute(a.name);
      }
    }
    if (e.tagName === "IMG" && e.getAttribute("src")) {
      const src = e.getAttribute("src");
      if (/^\s*javascript:/i.test(src)) e.removeAttribute("src");
      else { try { e.setAttribute("src", new URL(src, location.href).href); } catch (err) {} }
    }
    if (/^(INPUT|BUTTON|SELECT|TEXTAREA)$/.test(e.tagName)) e.setAttribute("disabled", "");
  }
  // the overlay lives in its own element: not part of the page
  for (const o of copy.querySelectorAll("nss-autofill-overlay,#nss-autofill-overlay")) o.remove();
  let head = copy.querySelector("head");
  if (!head) {
    head = inert.createElement("head");
    copy.insertBefore(head, copy.firstChild);
  }
  const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; " +
    "form-action 'none'; script-src 'none'; frame-src 'none'";
  const top = inert.createElement("meta");
  top.setAttribute("charset", "utf-8");
  const csp = inert.createElement("meta");
  csp.setAttribute("http-equiv", "Content-Security-Policy");
  csp.setAttribute("content", policy);
  const style = inert.createElement("style");
  style.textContent = css.join("\n");
  head.insertBefore(style, head.firstChild);
  head.insertBefore(csp, head.firstChild);
  head.insertBefore(top, head.firstChild);
  return { html: "<!DOCTYPE html>\n" + copy.outerHTML, url: location.href, title: document.title };
}
