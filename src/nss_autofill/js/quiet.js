// Resolves true once the document has loaded and its DOM was quiet for `quiet` ms; false after
// `max` ms of changes. The init script's clock (reg.lastMutation) counts from the document's
// start, so a page quiet for long resolves at once; without it, the watch starts now.
({quiet, max}) => new Promise((resolve) => {
  const start = performance.now();
  const reg = window.__nssaf;
  // Since the document's start when the init script keeps the clock, else from now.
  let last = reg && reg.lastMutation ? reg.lastMutation() : start;
  const obs = new MutationObserver(() => { last = performance.now(); });
  obs.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  const tick = () => {
    const now = performance.now();
    if (document.readyState === "complete" && now - last >= quiet) {
      obs.disconnect(); resolve(true);
    } else if (now - start >= max) {
      obs.disconnect(); resolve(false);
    } else {
      setTimeout(tick, Math.min(quiet, 10));
    }
  };
  tick();
})
