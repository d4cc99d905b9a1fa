// Small page helpers for the session loop, called as {fn, arg}; none changes a form value.
({fn, arg}) => {
  const DOC = "__nssafDoc";
  const helpers = {
    // The token of the current document: the session tells documents apart by it.
    documentMark: () => (window[DOC] || null),
    markDocument: (token) => { window[DOC] = token; return true; },
    // A new token, only if the document still carries `expected` (the one the session saw).
    remark: ([expected, token]) => {
      if (window[DOC] !== expected) return false;
      window[DOC] = token;
      return true;
    },
    // Marks the document as the one before a press (filling waits for it to be replaced).
    markOld: () => { window.__nssafOld = true; return true; },
    // The text of the smallest element containing `title` (the mock mail box).
    boxText: (title) => {
      const norm = (s) => (s || "").normalize("NFKC");
      let best = null;
      for (const el of document.querySelectorAll("body *")) {
        const t = norm(el.innerText);
        if (t.includes(title) && t.length > title.length + 10 &&
            (!best || t.length < norm(best.innerText).length)) best = el;
      }
      return best ? best.innerText : null;
    },
  };
  return helpers[fn](arg);
}
