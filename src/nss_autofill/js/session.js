// Small page helpers for the session loop; none of them changes a form value.
// Each function is evaluated on its own with page.evaluate(source, arg).
({
  // Marks the current document so the session can tell when a new one replaced it.
  markDocument: (token) => { window.__nssAutofillDoc = token; return true; },
  documentMark: () => (window.__nssAutofillDoc || null),
  // A new token, only if the document still carries `expected` (the one the session saw).
  remark: ([expected, token]) => {
    if (window.__nssAutofillDoc !== expected) return false;
    window.__nssAutofillDoc = token;
    return true;
  },

  // The text of the smallest element containing `title` (the mock mail box).
  boxText: (title) => {
    const norm = (s) => (s || "").normalize("NFKC");
    let best = null;
    for (const el of document.querySelectorAll("body *")) {
      const t = norm(el.innerText);
      if (t.includes(title) && t.length > title.length + 10 && (!best || t.length < norm(best.innerText).length)) best = el;
    }
    return best ? best.innerText : null;
  },
})
