// nss-autofill browser-side guard (init script; see guard.py for the rules in prose).
//
// Runs in every frame before the page's own scripts. It never lets a page script, a synthetic
// event, a stray Enter or a click the tool made commit a consent or final submission; a
// person's trusted clicks (and the dry run's simulated operator's) pass. The tool's own clicks
// are trusted events too, so guard.py marks them just before clicking: from then on, for a
// while, every trusted click in the document is the tool's — also the click the browser hands
// on from a label to its control, or sends to a common ancestor when the page moves things
// between mouse-down and mouse-up.
//
// What commits is read precisely, never from prose:
//   - a *guarded control*: a button-like control whose caption (value, text, alt, aria-label,
//     title, an image's alt) or code (javascript: href, onclick, formaction) holds a consent or
//     final caption or a never-safe word;
//   - *guarded data*: a value the form would send that carries a consent or final caption (as
//     written, or as windows-1252 text that was the caption's UTF-8 or Shift_JIS bytes);
//   - a *guarded target*: where a guarded control submits (its formaction, its form's action,
//     its link).
// A submission is stopped when no person asked for it and its submitter is guarded, its form
// holds a guarded control or guarded data, or — read after the page's own submit and formdata
// listeners — the data really sent carries a caption or goes to a guarded target. Fieldsets,
// legends, labels, option texts, headings and paragraphs never count.
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
  const _matches = Element.prototype.matches;
  const _qsa = Element.prototype.querySelectorAll;
  const _dqsa = Document.prototype.querySelectorAll;
  const _getAttr = Element.prototype.getAttribute;
  const _hasAttr = Element.prototype.hasAttribute;
  const _contains = Node.prototype.contains;
  const _remove = Element.prototype.remove;
  const _insertBefore = Node.prototype.insertBefore;
  const _normalize = String.prototype.normalize;
  const _replace = String.prototype.replace;
  const _includes = String.prototype.includes;
  const _startsWith = String.prototype.startsWith;
  const _toLower = String.prototype.toLowerCase;
  const _trim = String.prototype.trim;
  const _charCodeAt = String.prototype.charCodeAt;
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
  const _wmDelete = WeakMap.prototype.delete;
  const _URL = W.URL;
  const _TextDecoder = W.TextDecoder;
  const _Uint8Array = W.Uint8Array;
  const formProto = HTMLFormElement.prototype;
  const _submit = formProto.submit;
  const _requestSubmit = formProto.requestSubmit;
  const _elementsGetter = Object.getOwnPropertyDescriptor(formProto, "elements").get;
  const _actionGetter = Object.getOwnPropertyDescriptor(formProto, "action").get;
  const _innerTextGetter = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "innerText").get;
  const _textContentGetter = Object.getOwnPropertyDescriptor(Node.prototype, "textContent").get;
  const _fdEntries = W.FormData ? W.FormData.prototype.entries : null;
  // Lists: our own arrays through the methods taken at start, a page's lists (NodeList,
  // HTMLCollection) copied by index (a page may patch Array.prototype or the iterators).
  const _filter = Array.prototype.filter;
  const _map = Array.prototype.map;
  const _some = Array.prototype.some;
  const _find = Array.prototype.find;
  const _arrIncludes = Array.prototype.includes;
  const filter = (a, fn) => _apply(_filter, a, [fn]);
  const map = (a, fn) => _apply(_map, a, [fn]);
  const some = (a, fn) => _apply(_some, a, [fn]);
  const find = (a, fn) => _apply(_find, a, [fn]);
  const holds = (a, x) => _apply(_arrIncludes, a, [x]);
  const concat = (...parts) => {
    const out = [];
    for (let i = 0; i < parts.length; i++) {
      for (let j = 0; j < parts[i].length; j++) _apply(_push, out, [parts[i][j]]);
    }
    return out;
  };
  const getter = (proto, name) => {
    const d = proto && Object.getOwnPropertyDescriptor(proto, name);
    return d && d.get ? d.get : null;
  };
  const _localNameGetter = getter(Element.prototype, "localName");
  const _nodeListLength = getter(NodeList.prototype, "length");
  const _collectionLength = getter(HTMLCollection.prototype, "length");
  const listOf = (coll) => {
    let n = 0;
    try {
      n = _apply(_nodeListLength, coll, []);
    } catch (e) {
      try {
        n = _apply(_collectionLength, coll, []);
      } catch (e2) {
        return [];
      }
    }
    const out = [];
    for (let i = 0; i < n; i++) _apply(_push, out, [coll[i]]);
    return out;
  };
  const all = (root, sel) => {
    try {
      return listOf(_apply(root.nodeType === 9 ? _dqsa : _qsa, root, [sel]));
    } catch (e) {
      return [];
    }
  };
  const _labelControlGetter = getter(W.HTMLLabelElement && HTMLLabelElement.prototype, "control");
  // value and form, per kind of control (a page may redefine them on the prototype or the node)
  const VALUE = {};
  const FORM = {};
  const KINDS = [["input", W.HTMLInputElement], ["select", W.HTMLSelectElement],
    ["textarea", W.HTMLTextAreaElement], ["button", W.HTMLButtonElement],
    ["output", W.HTMLOutputElement], ["fieldset", W.HTMLFieldSetElement],
    ["object", W.HTMLObjectElement]];
  for (let i = 0; i < KINDS.length; i++) {
    const tag = KINDS[i][0];
    const ctor = KINDS[i][1];
    if (!ctor) continue;
    VALUE[tag] = getter(ctor.prototype, "value");
    FORM[tag] = getter(ctor.prototype, "form");
  }
  const _report = W.__nssafGuardReport; // the Playwright binding, if already exposed

  const HUMAN_WINDOW_MS = CFG.humanWindowMs;
  const TOOL_MARK_MS = CFG.toolMarkMs;
  const SPACE_RE = /[\s\p{Cf}]+/gu;
  const key = (s) => _apply(_replace, _apply(_normalize, String(s ?? ""), ["NFKC"]), [SPACE_RE, ""]);
  const GUARDED = CFG.guarded.map(key).filter((k) => k.length > 0);
  const NEVER_SAFE = CFG.neverSafe.map(key);
  const DENY = CFG.deny.map(key);
  const SAFE = CFG.safe.map(key);
  const has = (k, words) => some(words, (w) => _apply(_includes, k, [w]));

  // A caption is *guarded* if it holds a consent/final caption, or a never-safe word.
  const isGuardedKey = (k) => k.length > 0 && (has(k, GUARDED) || has(k, NEVER_SAFE));
  // A caption is *suspect* if guarded, or it holds a deny-list word and no page calls it safe.
  const isSuspectKey = (k) => isGuardedKey(k) || (has(k, DENY) && !holds(SAFE, k));

  // Text a server may read otherwise: windows-1252 characters that were UTF-8 (or Shift_JIS)
  // bytes, as a form sent in another charset delivers them.
  const CP1252 = {0x20ac: 0x80, 0x201a: 0x82, 0x192: 0x83, 0x201e: 0x84, 0x2026: 0x85,
    0x2020: 0x86, 0x2021: 0x87, 0x2c6: 0x88, 0x2030: 0x89, 0x160: 0x8a, 0x2039: 0x8b, 0x152: 0x8c,
    0x17d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
    0x2013: 0x96, 0x2014: 0x97, 0x2dc: 0x98, 0x2122: 0x99, 0x161: 0x9a, 0x203a: 0x9b,
    0x153: 0x9c, 0x17e: 0x9e, 0x178: 0x9f};
  const rereads = (s) => {
    const str = String(s ?? "");
    if (!/[\u0080-\u00ff\u0152-\u2122]/.test(str)) return [];
    const bytes = [];
    for (let i = 0; i < str.length; i++) {
      const c = _apply(_charCodeAt, str, [i]);
      if (c < 0x100) _apply(_push, bytes, [c]);
      else if (CP1252[c] !== undefined) _apply(_push, bytes, [CP1252[c]]);
      else return [];
    }
    const out = [];
    for (const enc of ["utf-8", "shift_jis"]) {
      try {
        _apply(_push, out, [new _TextDecoder(enc).decode(new _Uint8Array(bytes))]);
      } catch (e) {}
    }
    return out;
  };
  // Data that carries a consent or final caption (only those: a value may well say 確定 or 送信).
  const guardedData = (s) => some(concat([String(s ?? "")], rereads(s)), (t) => has(key(t), GUARDED));

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
  // What a node is and holds, read with the getters taken at start (never the page's).
  const tagOf = (el) => {
    try {
      return String(_apply(_localNameGetter, el, []) || "");
    } catch (e) {
      return "";
    }
  };
  const valueOf = (el) => {
    const g = VALUE[tagOf(el)];
    try {
      return g ? String(_apply(g, el, []) ?? "") : "";
    } catch (e) {
      return "";
    }
  };
  const formOf = (el) => {
    const g = FORM[tagOf(el)];
    try {
      return g ? _apply(g, el, []) || null : null;
    } catch (e) {
      return null;
    }
  };
  const labelControl = (label) => {
    try {
      return _labelControlGetter ? _apply(_labelControlGetter, label, []) || null : null;
    } catch (e) {
      return null;
    }
  };
  const isInput = (el) => el && tagOf(el) === "input";
  const inputType = (el) => _apply(_toLower, attr(el, "type") || "text", []);
  // A control that submits its form when pressed.
  const submits = (el) => {
    if (!el || el.nodeType !== 1) return false;
    const t = _apply(_toLower, attr(el, "type"), []);
    const tag = tagOf(el);
    return (tag === "button" && (t === "" || t === "submit")) ||
      (tag === "input" && (t === "submit" || t === "image"));
  };
  // Every caption a button-like control shows or carries (value, text, alt, aria-label, title,
  // img alts), as written. A text box, radio, box or list is data, not a caption: see formData.
  const rawCaptions = (el) => {
    const out = [];
    if (!el || el.nodeType !== 1) return out;
    const tag = tagOf(el);
    if (tag === "input") {
      const t = inputType(el);
      if (!holds(["submit", "button", "image", "reset"], t)) return out;
      _apply(_push, out, [attr(el, "value"), attr(el, "alt"), valueOf(el)]);
    } else if (tag === "select" || tag === "textarea") {
      return out;
    } else {
      _apply(_push, out, [text(el)]);
    }
    _apply(_push, out, [attr(el, "aria-label"), attr(el, "title"), attr(el, "alt")]);
    const imgs = all(el, "img[alt], [aria-label]");
    for (let i = 0; i < imgs.length; i++) {
      _apply(_push, out, [attr(imgs[i], "alt"), attr(imgs[i], "aria-label")]);
    }
    return filter(out, (c) => _apply(_trim, String(c), []).length > 0);
  };
  const captions = (el) => filter(map(rawCaptions(el), key), (k) => k.length > 0);
  // The code a control runs (javascript: href, onclick, formaction), e.g. doSubmit('…').
  const rawCode = (el) => {
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
    return filter(out, (c) => _apply(_trim, String(c), []).length > 0);
  };
  const code = (el) => filter(map(rawCode(el), key), (k) => k.length > 0);
  const guardedEl = (el) => some(captions(el), isGuardedKey) || some(code(el), isGuardedKey);
  const suspectEl = (el) => guardedEl(el) || some(captions(el), isSuspectKey);
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
    if (!isInput(el)) return false;
    return !["button", "submit", "reset", "image", "checkbox", "radio", "file", "hidden",
      "range", "color"].indexOf(inputType(el)) >= 0;
  };
  const formControls = (form) => {
    const out = [];
    try {
      const els = listOf(_apply(_elementsGetter, form, []));
      for (let i = 0; i < els.length; i++) _apply(_push, out, [els[i]]);
    } catch (e) {}
    const more = all(form, BUTTONLIKE_SEL);
    for (let i = 0; i < more.length; i++) _apply(_push, out, [more[i]]);
    return out;
  };
  // The values a form would send (every named input, hidden ones included).
  const formValues = (form) => {
    const out = [];
    const els = formControls(form);
    for (let i = 0; i < els.length; i++) {
      const el = els[i];
      if (!el || !attr(el, "name")) continue;
      try {
        _apply(_push, out, [attr(el, "name"), valueOf(el)]);
      } catch (e) {}
    }
    return out;
  };
  // A form is guarded if one of its button-like controls is, or data it would send carries a
  // consent or final caption.
  const buttonLike = (el) => {
    try {
      return el.nodeType === 1 && _apply(_matches, el, [BUTTONLIKE_SEL]);
    } catch (e) {
      return false;
    }
  };
  const formGuarded = (form) => some(formControls(form), (el) => buttonLike(el) && guardedEl(el)) ||
    some(formValues(form), guardedData);
  const firstSubmit = (form) => find(formControls(form), submits) || null;

  // Where the page's guarded controls submit: their formaction or their form's action, or a
  // guarded link's address (scheme://host/path, lower case).
  const targetOf = (url) => {
    try {
      const u = new _URL(String(url), W.location.href);
      return _apply(_toLower, u.protocol + "//" + u.host + u.pathname, []);
    } catch (e) {
      return "";
    }
  };
  const actionOf = (form) => {
    try {
      return _apply(_actionGetter, form, []);
    } catch (e) {
      return "";
    }
  };
  // A target that a form without any guarded control also posts to is shared (one dispatcher
  // URL for every page): its submissions are told apart by their data, which is checked.
  const targetList = (doc) => {
    const out = [];
    const shared = [];
    const forms = all(doc, "form");
    for (let i = 0; i < forms.length; i++) {
      if (!formGuarded(forms[i])) _apply(_push, shared, [targetOf(actionOf(forms[i]))]);
    }
    const els = all(doc, BUTTONLIKE_SEL);
    try {
      for (let i = 0; i < els.length; i++) {
        const el = els[i];
        if (!guardedEl(el)) continue;
        const c = captions(el)[0] || "";
        const href = _apply(_trim, attr(el, "href"), []);
        if (href && !_apply(_startsWith, _apply(_toLower, href, []), ["javascript:"]) &&
            !_apply(_startsWith, href, ["#"])) {
          _apply(_push, out, [{ t: targetOf(href), c }]);
        }
        const fa = attr(el, "formaction");
        if (fa) _apply(_push, out, [{ t: targetOf(fa), c }]);
        else if (submits(el) && formOf(el)) _apply(_push, out, [{ t: targetOf(actionOf(formOf(el))), c }]);
      }
    } catch (e) {}
    return filter(out, (x) => x.t && !holds(shared, x.t));
  };
  const targets = (doc) => map(targetList(doc), (x) => x.t);

  // ---- who pressed what, and when
  const toolMarks = new _WeakMap(); // element -> time guard.py marked it for the tool's click
  // Until clickUntil every trusted click in this document is the tool's, wherever the browser
  // sends it (a label's control, the common ancestor a retargeted click lands on): never a
  // person's. The tool's own click, on what it read, ends that early (a person's click a moment
  // later is theirs); the submission it starts is checked as the tool's until toolUntil.
  let toolUntil = 0;
  let clickUntil = 0;
  let lastHuman = null; // {el, form, guarded, t}: last trusted, unmarked click on a button-like
  // Where a form the tool submits goes, as the guard checked it: a page that changes the target
  // afterwards (in its own submit listener) does not get the submission.
  const checkedTarget = new _WeakMap();
  let lastSubmitter = null;
  let lastMarked = null; // {el, actor}: what the tool's channel last read and marked
  const SUBMITTER_SEL = "button, input[type=submit], input[type=image], a[href], area[href]";
  const isSubmitter = (el) => {
    try {
      return !!_apply(_closest, el, [SUBMITTER_SEL]);
    } catch (e) {
      return true;
    }
  };
  const withinMarked = (el) =>
    lastMarked !== null &&
    (_apply(_contains, lastMarked.el, [el]) || _apply(_contains, lastMarked.actor, [el]));
  const blockedLog = [];

  const markedByTool = (el) => {
    if (now() < clickUntil) return true;
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
  // Take a form out of the document while the browser builds its submission: it is dropped.
  const drop = (form) => {
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
  };

  // ---- 1. clicks (capture phase on window: before any onclick attribute or page listener)
  const onClick = (event) => {
    const el = controlOf(event.target);
    if (!el) return;
    const guarded = guardedEl(el);
    const suspect = guarded || suspectEl(el);
    if (!event.isTrusted) {
      if (suspect) return block(event, "untrusted-click", el, "script click on a guarded control");
      return;
    }
    if (markedByTool(el)) {
      if (suspect) return block(event, "tool-click", el, "the tool's click reached a guarded control");
      // a page that moved or relabelled things after the check: the tool's click may only
      // submit through the control its channel read and marked
      if (isSubmitter(el) && !withinMarked(el)) {
        return block(event, "tool-click", el, "the tool's click reached another control than the one checked");
      }
      // the click the window was opened for: the document's next clicks are a person's again
      // (a label's control and the marked element itself still count as the tool's)
      if (withinMarked(el)) clickUntil = 0;
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
        form = formOf(el) || _apply(_closest, el, ["form"]);
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
      form = formOf(el);
    } catch (e) {}
    if (!form) return;
    const def = firstSubmit(form);
    if ((def && guardedEl(def)) || formGuarded(form)) {
      block(event, "enter-in-field", def || el, "Enter in a field of a guarded form");
    }
  };

  // ---- 3. submit events: the submitter is guarded, or the form is, and no person pressed
  const onSubmit = (event) => {
    const form = event.target;
    if (!form || tagOf(form) !== "form") return;
    const submitter = event.submitter || null;
    lastSubmitter = submitter;
    const guarded = submitter ? guardedEl(submitter) : false;
    if (!guarded && !formGuarded(form)) return;
    if (submitter && markedByTool(submitter) && guarded) {
      return block(event, "tool-submit", submitter, "the tool's click would submit a guarded control");
    }
    if (humanIntent(form, submitter)) return;
    block(event, "submit", submitter || firstSubmit(form) || form, "submission not pressed by a person");
  };

  // ---- 4. formdata: fires for every submission, from any realm. Capture phase: the form as it
  // stands; bubble phase (after the page's own listeners): the data really sent and its target.
  // A form taken out of the document then is not submitted; it is put back at once.
  let allowedFormData = null; // a submission this guard already allowed (patched submit)
  let constructingFormData = 0; // new FormData(form) in this realm: not a submission
  const onFormData = (event) => {
    const form = event.target;
    if (!form || tagOf(form) !== "form") return;
    if (allowedFormData === form || constructingFormData > 0) return;
    if (!formGuarded(form) || humanIntent(form, null)) return;
    drop(form);
    report("formdata", firstSubmit(form) || form, "submission stopped at formdata");
  };
  const onFormDataLate = (event) => {
    const form = event.target;
    if (!form || tagOf(form) !== "form") return;
    if (constructingFormData > 0 || humanIntent(form, lastSubmitter)) return;
    let why = "";
    try {
      for (const [name, value] of _apply(_fdEntries, event.formData, [])) {
        if (typeof value === "string" && (guardedData(value) || guardedData(name))) {
          why = "the data sent carries a consent or final caption";
          break;
        }
      }
    } catch (e) {}
    const sub = lastSubmitter && formOf(lastSubmitter) === form ? lastSubmitter : null;
    let action = actionOf(form);
    try {
      if (sub && _apply(_hasAttr, sub, ["formaction"])) action = sub.formAction;
    } catch (e) {}
    if (!why && holds(targets(form.ownerDocument), targetOf(action))) {
      why = "it goes to where a consent or final-submit control submits";
    }
    const checked = _apply(_wmGet, checkedTarget, [form]);
    if (!why && checked !== undefined && now() < toolUntil && checked !== targetOf(action)) {
      why = "the page changed where the form goes after the guard checked it";
    }
    if (!why) return;
    drop(form);
    report("formdata-late", sub || firstSubmit(form) || form, why);
  };

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
  const guardedSubmission = (form, submitter) =>
    (submitter && guardedEl(submitter)) || formGuarded(form);
  const patchedSubmit = function submit() {
    if (guardedSubmission(this, null) && !humanIntent(this, null)) {
      report("form.submit", firstSubmit(this) || this, "script submit() of a guarded form");
      return undefined;
    }
    allowedFormData = this;
    lastSubmitter = null;
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
  _apply(_addListener, W, ["formdata", onFormDataLate, { capture: false }]);

  // ---- what pressing an element would do, read for guard.py in one call (it decides): what
  // the element shows and carries, the code it runs, the control its click reaches (a label
  // hands it on to its control), and when that control submits a form: the form's own submit
  // controls, the data it would send, where it goes. Everything is read with the getters taken
  // at start, so a page that redefines value, innerText or getAttribute cannot hide a caption.
  const primary = (el) => {
    const tag = tagOf(el);
    if (tag === "input") {
      if (inputType(el) === "image") return attr(el, "alt") || attr(el, "value") || attr(el, "title");
      return valueOf(el) || attr(el, "value") || attr(el, "aria-label") || attr(el, "title");
    }
    const txt = _apply(_trim, text(el), []);
    if (txt) return txt;
    if (attr(el, "aria-label")) return attr(el, "aria-label");
    const img = all(el, "img[alt]")[0] || null;
    return (img && attr(img, "alt")) || attr(el, "title") || attr(el, "alt");
  };
  const absolute = (u) => {
    try {
      return new _URL(String(u), W.location.href).href;
    } catch (e) {
      return "";
    }
  };
  const reachOf = (el) => {
    const tag = tagOf(el);
    if (holds(["input", "select", "textarea", "button"], tag)) return null;
    let label = null;
    try {
      label = tag === "label" ? el : _apply(_closest, el, ["label"]);
    } catch (e) {}
    const ctl = label ? labelControl(label) : null;
    return ctl && ctl !== el ? ctl : null;
  };
  const textContentOf = (el) => {
    try {
      return _apply(_textContentGetter, el, []) || "";
    } catch (e) {
      return "";
    }
  };
  const inspect = (el) => {
    // first: a page accessor on the token runs before anything is read
    let doc = null;
    try {
      doc = W.__nssafDoc || null;
    } catch (e) {}
    const reach = reachOf(el);
    const actor = reach || el;
    const inner = [];
    const innerCode = rawCode(el);
    const nested = all(el, BUTTONLIKE_SEL + ", summary, label");
    for (let i = 0; i < nested.length; i++) {
      const c = nested[i];
      if (tagOf(c) !== "label") _apply(_push, inner, rawCaptions(c));
      _apply(_push, innerCode, rawCode(c));
    }
    let form = formOf(actor);
    if (!form) {
      try {
        form = _apply(_closest, actor, ["form"]);
      } catch (e) {}
    }
    const submitCaptions = [];
    const data = [];
    let first = null;
    let action = "";
    if (form && submits(actor)) {
      const els = formControls(form);
      for (let i = 0; i < els.length; i++) {
        const c = els[i];
        if (buttonLike(c)) {
          _apply(_push, submitCaptions, rawCaptions(c));
          if (submits(c) && first === null) first = primary(c) || "";
        } else if (attr(c, "name")) {
          _apply(_push, data, [valueOf(c)]);
        }
      }
      const fa = attr(actor, "formaction");
      action = fa ? absolute(fa) : absolute(actionOf(form));
    }
    const href = _apply(_trim, attr(el, "href"), []);
    const plainLink = href && !_apply(_startsWith, _apply(_toLower, href, []), ["javascript:"]) &&
      !_apply(_startsWith, href, ["#"]);
    return {
      tag: tagOf(el),
      primary: primary(el) || "",
      // every caption, and each attribute and text on its own (a caption hidden from innerText)
      captions: filter(concat(rawCaptions(el), [attr(el, "value"), attr(el, "alt"),
        attr(el, "aria-label"), attr(el, "title"), text(el), textContentOf(el)]),
        (c) => c && _apply(_trim, String(c), []).length > 0),
      inner,
      code: innerCode,
      reach: reach ? { tag: tagOf(reach), captions: rawCaptions(reach), code: rawCode(reach),
        primary: primary(reach) || "" } : null,
      submits: submits(actor),
      inForm: !!form,
      submitCaptions,
      data,
      firstSubmit: first,
      action,
      href: plainLink ? absolute(href) : "",
      targets: targetList(document),
      doc: doc === null ? null : String(doc),
    };
  };

  // The tool's channel. guard.py opens the tool's window through the browser's debugging
  // protocol (Runtime.evaluate: no page code between it and this function, unlike Playwright's
  // evaluations, which go through window.eval), with a key only it and this closure know
  // (CFG.toolKey, new for every run). Without the key nothing opens or closes the window.
  // A page can make the main world's evaluations lie to guard.py; the window it opened still
  // makes the click that follows the tool's, and a tool's click on a guarded control is blocked
  // here whatever guard.py was told.
  const mark = (el) => {
    const t = now();
    lastMarked = { el, actor: reachOf(el) || el };
    _apply(_wmSet, toolMarks, [el, t]);
    // a label hands its click on to its control: that click is the tool's too
    const actor = reachOf(el) || el;
    if (actor !== el) _apply(_wmSet, toolMarks, [actor, t]);
    try {
      const form = formOf(actor);
      if (submits(actor) && form) {
        const fa = attr(actor, "formaction");
        _apply(_wmSet, checkedTarget, [form, targetOf(fa || actionOf(form))]);
      }
    } catch (e) {}
    toolUntil = t + TOOL_MARK_MS;
    clickUntil = toolUntil;
    return true;
  };
  // the tool decided not to press after all: its window closes, the mark goes
  const unmark = (el) => {
    toolUntil = 0;
    clickUntil = 0;
    try {
      _apply(_wmDelete, toolMarks, [el]);
      const actor = reachOf(el);
      if (actor) _apply(_wmDelete, toolMarks, [actor]);
    } catch (e) {}
  };
  const KEY = String(CFG.toolKey || "");
  // the window opens first, whatever the selector names; then the one element it names is
  // read and marked, in the same turn (nothing the page does can come in between)
  const open = (key, sel) => {
    if (!KEY || key !== KEY) return null;
    toolUntil = now() + TOOL_MARK_MS;
    clickUntil = toolUntil;
    const found = all(document, String(sel));
    if (found.length !== 1) {
      let doc = null;
      try {
        doc = W.__nssafDoc || null;
      } catch (e) {}
      return { count: found.length, doc: doc === null ? null : String(doc) };
    }
    const info = inspect(found[0]);
    info.marked = mark(found[0]);
    return info;
  };
  const close = (key, sel) => {
    if (!KEY || key !== KEY) return false;
    toolUntil = 0;
    clickUntil = 0;
    const found = all(document, String(sel));
    if (found.length === 1) unmark(found[0]);
    return true;
  };
  // What guard.py calls: open and close the tool's window (with the key), read a control,
  // where guarded controls submit, the log. Not replaceable.
  const api = _freeze({
    open,
    close,
    inspect,
    targets: () => targetList(document),
    blocked: () => blockedLog.map((e) => ({ ...e })),
    version: 4,
  });
  _defineProperty(W, "__nssafGuard", { value: api, writable: false, configurable: false, enumerable: false });
})();
