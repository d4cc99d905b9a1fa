// Resolves true once the document has loaded — its load handlers have run — and its DOM was
// quiet for `quiet` ms; false after `max` ms of changes. The init script's clock
// (reg.lastMutation) counts from the document's start, so a page quiet for long resolves at
// once; without it, the watch starts now. It wakes when the quiet time since the last change is
// up, or when the document has loaded (pageshow follows the load handlers at once) — not on a
// fixed step, which would add up to a step's wait after the page settled.
({quiet, max}) => new Promise((resolve) => {
  const start = performance.now();
  const reg = window.__nssaf;
  // Since the document's start when the init script keeps the clock, else from now.
  let last = reg && reg.lastMutation ? reg.lastMutation() : start;
  const obs = new MutationObserver(() => { last = performance.now(); });
  obs.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  let timer = 0;
  // loaded: complete, and the load event over (a document with no navigation entry: complete)
  const loaded = () => {
    if (document.readyState !== "complete") return false;
    const nav = performance.getEntriesByType("navigation")[0];
    return !nav || nav.loadEventEnd > 0;
  };
  const done = (value) => {
    obs.disconnect();
    clearTimeout(timer);
    document.removeEventListener("readystatechange", wake);
    removeEventListener("pageshow", wake);
    resolve(value);
  };
  const tick = () => {
    const now = performance.now();
    const ready = loaded();
    if (ready && now - last >= quiet) {
      done(true);
    } else if (now - start >= max) {
      done(false);
    } else {
      // loaded: until the quiet time since the last change is up; still loading: its
      // readystatechange or pageshow wakes it, and a 10 ms step in case a page script stops
      // those events
      const due = ready ? last + quiet - now : 10;
      timer = setTimeout(tick, Math.max(1, Math.min(due, start + max - now)));
    }
  };
  const wake = () => {
    clearTimeout(timer);
    tick();
  };
  document.addEventListener("readystatechange", wake);
  addEventListener("pageshow", wake);
  tick();
})
