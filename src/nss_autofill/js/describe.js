// What pressing this element would do, read in the page (guard.py decides from it): what it
// shows and carries, the code it runs, the control its click reaches (a label hands it on to
// its control), and when that control submits a form: the form's own submit controls, the
// data it would send, where it goes, and where the page's guarded controls submit.
(el) => {
  const BUTTONLIKE = "button, input[type=submit], input[type=button], input[type=image], " +
    "input[type=reset], a, area, [role=button], [role=link], [onclick], summary";
  const attr = (e, n) => (e.getAttribute && e.getAttribute(n)) || "";
  const type = (e) => (attr(e, "type") || "").toLowerCase();
  // a control a person presses (a fieldset, a list, a text box in form.elements is not one)
  const isButton = (e) => e.matches(BUTTONLIKE);
  const caps = (e) => {
    const out = [];
    if (e.localName === "input") {
      if (!isButton(e)) return out;
      out.push(attr(e, "value"), attr(e, "alt"), String(e.value ?? ""));
    } else if (e.localName === "select" || e.localName === "textarea") {
      return out;
    } else {
      out.push(e.innerText || e.textContent || "");
    }
    out.push(attr(e, "aria-label"), attr(e, "title"), attr(e, "alt"));
    for (const img of e.querySelectorAll("img[alt], [aria-label]")) {
      out.push(attr(img, "alt"), attr(img, "aria-label"));
    }
    return out.filter((s) => s && s.trim());
  };
  const primary = (e) => {
    if (e.localName === "input") {
      if (type(e) === "image") return attr(e, "alt") || attr(e, "value") || attr(e, "title");
      return String(e.value ?? "") || attr(e, "value") || attr(e, "aria-label") || attr(e, "title");
    }
    const txt = (e.innerText || e.textContent || "").trim();
    if (txt) return txt;
    const label = attr(e, "aria-label");
    if (label) return label;
    const img = e.querySelector("img[alt]");
    return (img && attr(img, "alt")) || attr(e, "title") || attr(e, "alt");
  };
  const code = (e) => {
    const out = [attr(e, "onclick"), attr(e, "formaction")];
    const href = attr(e, "href");
    if (href.trim().toLowerCase().startsWith("javascript:")) {
      out.push(href);
      try { out.push(decodeURIComponent(href)); } catch (err) {}
    }
    return out.filter((s) => s && s.trim());
  };
  const submits = (e) => (e.localName === "button" && (type(e) === "" || type(e) === "submit")) ||
    (e.localName === "input" && (type(e) === "submit" || type(e) === "image"));
  const abs = (u) => { try { return new URL(u, location.href).href; } catch (err) { return ""; } };

  // the control a click on el reaches: a label's control, unless el is a control itself
  let reach = null;
  if (!el.matches("input,select,textarea,button")) {
    const label = el.localName === "label" ? el : el.closest("label");
    if (label && label.control && label.control !== el) reach = label.control;
  }
  const actor = reach || el;
  const inner = [];
  const innerCode = [...code(el)];
  for (const c of el.querySelectorAll(BUTTONLIKE + ", label")) {
    if (c.localName !== "label") inner.push(...caps(c));
    innerCode.push(...code(c));
  }
  const form = actor.form || (actor.closest && actor.closest("form")) || null;
  const submitCaptions = [];
  const data = [];
  let firstSubmit = null;
  let action = "";
  if (form && submits(actor)) {
    for (const c of [...form.elements, ...form.querySelectorAll(BUTTONLIKE)]) {
      if (isButton(c)) {
        submitCaptions.push(...caps(c));
        if (submits(c) && firstSubmit === null) firstSubmit = primary(c) || "";
      } else if (c.name) {
        data.push(String(c.value ?? ""));
      }
    }
    action = actor.hasAttribute("formaction") ? abs(actor.getAttribute("formaction")) : abs(form.action);
  }
  const href = attr(el, "href");
  const g = window.__nssafGuard;
  return {
    tag: el.localName, primary: primary(el) || "",
    captions: caps(el), inner, code: innerCode,
    reach: reach ? { tag: reach.localName, captions: caps(reach), code: code(reach),
                     primary: primary(reach) || "" } : null,
    submits: submits(actor), inForm: !!form, submitCaptions, data, firstSubmit, action,
    href: href && !href.trim().toLowerCase().startsWith("javascript:") && !href.startsWith("#")
      ? abs(href) : "",
    targets: g && g.targets ? g.targets() : [],
    origin: String(el.ownerDocument.location && el.ownerDocument.location.origin),
  };
}
