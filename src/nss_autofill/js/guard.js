// nss-autofill browser-side guard (init script; see guard.py for the rules in prose).
//
// Runs in every frame before the page's own scripts. It never lets a page script, a synthetic
// event or a stray Enter submit a consent / final-submit control; trusted clicks by a person
// (and by the dry run's simulated operator) pass. The tool's own clicks are trusted events too,
// so guard.py marks them just before clicking: a marked click never counts as a person's.
//
// The captions come from the catalogue: guard.py replaces the placeholder below with JSON.
(() => {
  "use strict";
  const CFG = __NSS_GUARD_CONFIG__;
  const W = window;
  if (Object.prototype.hasOwnProperty.call(W, "__nssafGuard")) return; // installed in this realm

  // Primordials, taken before any page script can change them.
  const _apply = Reflect.apply;
  const _dateNow = Date.now;
  const now = () => _apply(_dateNow, Date, []);
  const _closest = Element.prototype.closest;
  const _qsa = Element.prototype.querySelectorAll;
  const _dqsa = Document.prototype.querySelectorAll;
  const _getAttr = Element.prototype.getAttribute;
  const _contains = Node.prototype.contains;
  const _remove = Element.prototype.remove;
  const _insertBefore = Node.prototype.insertBefore;
  const _normalize = String.prototype.normalize;
  const _replace = String.prototype.replace;
  const _includes = String.prototype.includes;
  const _startsWith = String.prototype.startsWith;
  const _toLower = String.prototype.toLowerCase;
  const _trim = String.prototype.trim;
  const _push = Array.prototype.push;
  const _setTimeout = W.setTimeout;
  const _addListener = EventTarget.prototype.addEventListener;
  const _preventDefault = Event.prototype.preventDefault;
  const _stopImmediate = Event.prototype.stopImmediatePropagation;
  const _defineProperty = Object.defineProperty;
  const _freeze = Object.freeze;
  const _WeakMap = WeakMap;
  const _wmGet = WeakMap.prototype.get;
  const _wmSet = WeakMap.prototype.set;
  const formProto = HTMLFormElement.prototype;
  const _submit = formProto.submit;
  const _requestSubmit = formProto.requestSubmit;
  const _elementsGetter = Object.getOwnPropertyDescriptor(formProto, "elements").get;
  const _innerTextGetter = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "innerText").get;
  const _textContentGetter = Object.getOwnPropertyDescriptor(Node.prototype, "textContent").get;
  const _report = W.__nssafGuardReport; // the Playwright binding, if already exposed

  const HUMAN_WINDOW_MS = CFG.humanWindowMs;
  const TOOL_MARK_MS = CFG.toolMarkMs;
  const SPACE_RE = /[\s\p{Cf}]+/gu;
  const key = (s) => _apply(_replace, _apply(_normalize, String(s ?? ""), ["NFKC"]), [SPACE_RE, ""]);
  const GUARDED = CFG.guarded.map(key).filter((k) => k.length > 0);
  const NEVER_SAFE = CFG.neverSafe.map(key);
  const DENY = CFG.deny.map(key);
  const SAFE = new Set(CFG.safe.map(key));
  const has = (k, words) => words.some((w) => _apply(_includes, k, [w]));

  // A caption is *guarded* if it holds a consent/final caption, or a never-safe word.
  const isGuardedKey = (k) => k.length > 0 && (has(k, GUARDED) || has(k, NEVER_SAFE));
  // A caption is *suspect* if guarded, or it holds a deny-list word and no page calls it safe.
  const isSuspectKey = (k) => isGuardedKey(k) || (has(k, DENY) && !SAFE.has(k));

  const CONTROL_SEL =
    "button, input, a, area, [role=button], [role=link], [onclick], summary, label";
  const BUTTONLIKE_SEL =
    "button, input[type=submit], input[type=button], input[type=image], input[type=reset], " +
    "a, area, [role=button], [role=link], [onclick]";

  const attr = (el, name) => {
    try {
      return _apply(_getAttr, el, [name]) || "";
    } catch (e) {
      return "";
    }
  };
  const text = (el) => {
    try {
      return _apply(_innerTextGetter, el, []) || _apply(_textContentGetter, el, []) || "";
    } catch (e) {
      try {
        return _apply(_textContentGetter, el, []) || "";
      } catch (e2) {
        return "";
      }
    }
  };
  // Every caption a control shows or carries (value, text, alt, aria-label, title, img alts).
  const captions = (el) => {
    const out = [];
    if (!el || el.nodeType !== 1) return out;
    const tag = el.localName;
    if (tag === "input") {
      _apply(_push, out, [attr(el, "value"), attr(el, "alt")]);
      try {
        _apply(_push, out, [String(el.value ?? "")]);
      } catch (e) {}
    } else {
      _apply(_push, out, [text(el)]);
    }
    _apply(_push, out, [attr(el, "aria-label"), attr(el, "title"), attr(el, "alt")]);
    try {
      for (const img of _apply(_qsa, el, ["img[alt], [aria-label]"])) {
        _apply(_push, out, [attr(img, "alt"), attr(img, "aria-label")]);
      }
    } catch (e) {}
    return out.map(key).filter((k) => k.length > 0);
  };
  // The code a control runs (javascript: href, onclick, formaction), e.g. doSubmit('…').
  const code = (el) => {
    if (!el || el.nodeType !== 1) return [];
    const href = attr(el, "href");
    const out = [attr(el, "onclick"), attr(el, "formaction")];
    if (_apply(_startsWith, _apply(_trim, _apply(_toLower, href, []), []), ["javascript:"])) {
      let decoded = href;
      try {
        decoded = decodeURIComponent(href);
      } catch (e) {}
      _apply(_push, out, [href, decoded]);
    }
    return out.map(key).filter((k) => k.length > 0);
  };
  const guardedEl = (el) => captions(el).some(isGuardedKey) || code(el).some(isGuardedKey);
  const suspectEl = (el) => guardedEl(el) || captions(el).some(isSuspectKey);
  const controlOf = (node) => {
    let el = node && node.nodeType === 1 ? node : node && node.parentElement;
    if (!el) return null;
    try {
      return _apply(_closest, el, [CONTROL_SEL]) || el;
    } catch (e) {
      return el;
    }
  };
  const isText = (el) => {
    if (!el || el.localName !== "input") return false;
    const t = _apply(_toLower, attr(el, "type"), []);
    return !["button", "submit", "reset", "image", "checkbox", "radio", "file", "hidden",
      "range", "color"].includes(t);
  };
  const formControls = (form) => {
    const out = [];
    try {
      for (const el of _apply(_elementsGetter, form, [])) _apply(_push, out, [el]);
    } catch (e) {}
    try {
      for (const el of _apply(_qsa, form, [BUTTONLIKE_SEL])) _apply(_push, out, [el]);
    } catch (e) {}
    return out;
  };
  // A form is guarded if any control in (or associated with) it is guarded.
  const formGuarded = (form) => formControls(form).some(guardedEl);
  // The document is guarded if any button-like control anywhere in it is guarded.
  const documentGuarded = (doc) => {
    try {
      for (const el of _apply(_dqsa, doc, [BUTTONLIKE_SEL])) if (guardedEl(el)) return true;
    } catch (e) {}
    return false;
  };
  const firstSubmit = (form) =>
    formControls(form).find((el) => {
      const t = _apply(_toLower, attr(el, "type"), []);
      return (el.localName === "button" && (t === "" || t === "submit")) ||
        (el.localName === "input" && (t === "submit" || t === "image"));
    }) || null;

  // ---- who pressed what, and when
  const toolMarks = new _WeakMap(); // element -> time guard.py marked it for the tool's click
  let lastHuman = null; // {el, form, guarded, t}: last trusted, unmarked click on a button-like
  const blockedLog = [];

  const markedByTool = (el) => {
    for (let n = el; n; n = n.parentElement) {
      const t = _apply(_wmGet, toolMarks, [n]);
      if (t !== undefined && now() - t < TOOL_MARK_MS) return true;
    }
    return false;
  };
  const recentHuman = () => lastHuman !== null && now() - lastHuman.t <= HUMAN_WINDOW_MS;
  // A person just pressed `submitter` itself, or a guarded control, or a control in `form`.
  const humanIntent = (form, submitter) => {
    if (!recentHuman()) return false;
    if (submitter) return lastHuman.el === submitter || _apply(_contains, submitter, [lastHuman.el]);
    if (lastHuman.guarded) return true;
    return !!form && (lastHuman.form === form || _apply(_contains, form, [lastHuman.el]));
  };

  const report = (kind, el, detail) => {
    const cap = el ? captions(el)[0] || "" : "";
    const entry = {
      kind,
      caption: cap,
      detail: String(detail || ""),
      url: String(W.location && W.location.href),
      t: now(),
    };
    _apply(_push, blockedLog, [entry]);
    const fn = _report || W.__nssafGuardReport;
    if (typeof fn === "function") {
      try {
        const p = fn(entry);
        if (p && typeof p.catch === "function") p.catch(() => {});
      } catch (e) {}
    }
  };
  const block = (event, kind, el, detail) => {
    _apply(_preventDefault, event, []);
    _apply(_stopImmediate, event, []);
    report(kind, el, detail);
  };

  // ---- 1. clicks (capture phase on window: before any onclick attribute or page listener)
  const onClick = (event) => {
    const el = controlOf(event.target);
    if (!el) return;
    const guarded = guardedEl(el);
    const suspect = guarded || suspectEl(el);
    if (!event.isTrusted) {
      if (suspect) return block(event, "untrusted-click", el, "script click on a guarded control");
      const href = attr(el, "href");
      if (_apply(_startsWith, _apply(_trim, _apply(_toLower, href, []), []), ["javascript:"])) {
        const doc = el.ownerDocument;
        if (doc && documentGuarded(doc)) {
          return block(event, "untrusted-javascript-link", el, href);
        }
      }
      return;
    }
    if (markedByTool(el)) {
      if (suspect) return block(event, "tool-click", el, "the tool's click reached a guarded control");
      lastHuman = null; // a tool click ends any person's window
      return;
    }
    let isButtonLike = false;
    try {
      isButtonLike = !!_apply(_closest, el, [BUTTONLIKE_SEL]);
    } catch (e) {}
    if (isButtonLike) {
      let form = null;
      try {
        form = el.form || _apply(_closest, el, ["form"]);
      } catch (e) {}
      lastHuman = { el, form, guarded, t: now() };
    }
  };

  // ---- 2. Enter in a text field would submit implicitly with the form's first submit button
  const onKey = (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    const el = event.target;
    if (!isText(el)) return;
    let form = null;
    try {
      form = el.form;
    } catch (e) {}
    if (!form) return;
    const def = firstSubmit(form);
    if ((def && guardedEl(def)) || formGuarded(form)) {
      block(event, "enter-in-field", def || el, "Enter in a field of a guarded form");
    }
  };

  // ---- 3. submit events: the submitter is guarded, or the form is and no person pressed
  const onSubmit = (event) => {
    const form = event.target;
    if (!form || form.localName !== "form") return;
    const submitter = event.submitter || null;
    const guarded = submitter ? guardedEl(submitter) : false;
    if (!guarded && !formGuarded(form) && !documentGuarded(form.ownerDocument)) return;
    if (submitter && markedByTool(submitter) && guarded) {
      return block(event, "tool-submit", submitter, "the tool's click would submit a guarded control");
    }
    if (humanIntent(form, submitter)) return;
    block(event, "submit", submitter || firstSubmit(form) || form, "submission not pressed by a person");
  };

  // ---- 4. backstop for every submission, from any realm: 'formdata' fires while the entry
  // list is built; a form that is disconnected then is not submitted. It is put back at once
  // (in a new task, after the aborted submission).
  let allowedFormData = null; // a submission this guard already allowed (patched submit)
  const onFormData = (event) => {
    const form = event.target;
    if (!form || form.localName !== "form") return;
    if (allowedFormData === form) return;
    if (constructingFormData > 0) return; // new FormData(form) in this realm: not a submission
    if (!formGuarded(form) && !documentGuarded(form.ownerDocument)) return;
    if (humanIntent(form, null)) return;
    const parent = form.parentNode;
    const next = form.nextSibling;
    if (!parent) return;
    try {
      _apply(_remove, form, []);
      _apply(_setTimeout, W, [() => {
        try {
          if (!form.parentNode) _apply(_insertBefore, parent, [form, next && next.parentNode === parent ? next : null]);
        } catch (e) {}
      }, 0]);
    } catch (e) {}
    report("formdata", firstSubmit(form) || form, "submission stopped at formdata");
  };

  // new FormData(form) also fires 'formdata'; count constructions so they are left alone.
  let constructingFormData = 0;
  const _FormData = W.FormData;
  if (typeof _FormData === "function") {
    const Guarded = function FormData(...args) {
      if (!new.target) return _apply(_FormData, this, args);
      constructingFormData++;
      try {
        return Reflect.construct(_FormData, args, new.target === Guarded ? _FormData : new.target);
      } finally {
        constructingFormData--;
      }
    };
    Guarded.prototype = _FormData.prototype;
    try {
      _defineProperty(W, "FormData", { value: Guarded, writable: true, configurable: true });
    } catch (e) {}
  }

  // ---- 5. form.submit() / form.requestSubmit(): no 'submit' event for submit(), so check here
  const guardedSubmission = (form, submitter) => {
    if (submitter && guardedEl(submitter)) return true;
    return formGuarded(form) || documentGuarded(form.ownerDocument);
  };
  const patchedSubmit = function submit() {
    if (guardedSubmission(this, null) && !humanIntent(this, null)) {
      report("form.submit", firstSubmit(this) || this, "script submit() of a guarded form");
      return undefined;
    }
    allowedFormData = this;
    try {
      return _apply(_submit, this, []);
    } finally {
      allowedFormData = null;
    }
  };
  const patchedRequestSubmit = function requestSubmit(...args) {
    const submitter = args.length > 0 ? args[0] : null;
    if (guardedSubmission(this, submitter) && !humanIntent(this, submitter)) {
      report("form.requestSubmit", submitter || firstSubmit(this) || this,
        "script requestSubmit() of a guarded form");
      return undefined;
    }
    return _apply(_requestSubmit, this, args);
  };
  _defineProperty(formProto, "submit", { value: patchedSubmit, writable: false, configurable: false });
  if (typeof _requestSubmit === "function") {
    _defineProperty(formProto, "requestSubmit", {
      value: patchedRequestSubmit,
      writable: false,
      configurable: false,
    });
  }

  const opts = { capture: true };
  _apply(_addListener, W, ["click", onClick, opts]);
  _apply(_addListener, W, ["auxclick", onClick, opts]);
  _apply(_addListener, W, ["keydown", onKey, opts]);
  _apply(_addListener, W, ["keypress", onKey, opts]);
  _apply(_addListener, W, ["submit", onSubmit, opts]);
  _apply(_addListener, W, ["formdata", onFormData, opts]);

  // The handle guard.py uses: mark the next click as the tool's; read the log. Not replaceable.
  const api = _freeze({
    mark: (el) => {
      _apply(_wmSet, toolMarks, [el, now()]);
      return true;
    },
    blocked: () => blockedLog.map((e) => ({ ...e })),
    version: 1,
  });
  _defineProperty(W, "__nssafGuard", { value: api, writable: false, configurable: false, enumerable: false });
})();
