// @ts-check
/*
 * The preview's webview script. The page arrives by message and replaces the content in
 * place (no reload, so the scroll position stays); scrolling is mirrored to the editor by
 * the `data-line` markers; double-click asks the editor to reveal the line. The message
 * shapes are those of client/src/preview/messages.ts.
 */
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('bulletin-root'));
  const initial = JSON.parse(document.body.dataset.initial || '{}');
  const saved = vscode.getState() || {};
  /** @type {{ resource: string, locked: boolean, line?: number }} */
  const state = {
    resource: typeof initial.source === 'string' ? initial.source : saved.resource,
    locked: initial.locked === true,
    line: typeof saved.line === 'number' && saved.resource === initial.source ? saved.line : initial.line,
  };
  /** Scroll events caused by our own scrolling are not sent back to the editor. */
  let ignoreScrollUntilY = /** @type {number | undefined} */ (undefined);
  /**
   * The lines this page reported in the last second, as the host reveals them (whole lines).
   * The editor's answer to such a reveal comes back as a scrollToLine for one of them, often
   * after the user has scrolled on: following it would move the page back.
   */
  const ECHO_MS = 1000;
  /** @type {{ line: number, at: number }[]} */
  let reported = [];
  let lastVersion = -1;
  let firstPage = true;

  function save() {
    vscode.setState({ resource: state.resource, locked: state.locked, line: state.line });
  }

  /** Elements with a source line, in document order. */
  function lineElements() {
    return /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll('[data-line]')));
  }

  /**
   * How far below the viewport's top scrollToLine puts an element, so that its outline shows;
   * an element whose top is anywhere from a pixel above the top to a pixel below this margin is
   * "at the top".
   */
  const TOP_MARGIN = 4;

  /**
   * The editor line at the top of the view: exactly the line of an element whose top is at the
   * viewport's top (layout puts tops at fractions of a pixel, so "at" means within a pixel of it),
   * else interpolated between the last marked element above the top and the first one below.
   */
  function lineAtTop() {
    let previous;
    let previousTop = 0;
    let next;
    let nextTop = 0;
    for (const element of lineElements()) {
      const top = element.getBoundingClientRect().top;
      if (top >= -1 && top <= TOP_MARGIN + 1) return Number(element.dataset.line);
      if (top < -1) {
        previous = element;
        previousTop = top;
      } else {
        next = element;
        nextTop = top;
        break;
      }
    }
    if (!previous) return next ? Number(next.dataset.line) : 0;
    const line = Number(previous.dataset.line);
    if (!next) return line;
    const nextLine = Number(next.dataset.line);
    if (nextLine <= line) return line;
    // Strictly between the two lines: the top lies strictly between the two elements.
    return line + ((nextLine - line) * (0 - previousTop)) / (nextTop - previousTop);
  }

  /** Scroll so that editor line `line` is at the top: the last element at or before it, interpolated to the next. */
  function scrollToLine(line) {
    const elements = lineElements();
    let previous;
    let next;
    for (const element of elements) {
      const elementLine = Number(element.dataset.line);
      // Of several elements from one line (a platform in the overview and in its own section), the
      // last is the full rendering of that line; but not an element inside it (a comparison
      // section's heading and tables share its line): the section's top is the line's top.
      const previousLine = previous ? Number(previous.dataset.line) : -1;
      if (elementLine <= line && (elementLine > previousLine || (elementLine === previousLine && !previous.contains(element)))) previous = element;
      if (elementLine > line && (!next || elementLine < Number(next.dataset.line))) next = element;
    }
    if (!previous) {
      scrollToY(0);
      return;
    }
    const previousTop = previous.getBoundingClientRect().top + window.scrollY;
    let y = previousTop;
    if (next) {
      const nextTop = next.getBoundingClientRect().top + window.scrollY;
      const previousLine = Number(previous.dataset.line);
      const nextLine = Number(next.dataset.line);
      if (nextTop > previousTop) y = previousTop + ((nextTop - previousTop) * (line - previousLine)) / (nextLine - previousLine);
    }
    markActive(previous);
    scrollToY(Math.max(0, y - TOP_MARGIN));
  }

  function scrollToY(y) {
    const target = Math.round(Math.min(y, document.documentElement.scrollHeight - window.innerHeight));
    if (Math.abs(target - window.scrollY) < 1) return;
    ignoreScrollUntilY = target;
    window.scrollTo(0, target);
  }

  let active;
  function markActive(element) {
    if (active) active.classList.remove('code-line-active');
    active = element;
    if (active) active.classList.add('code-line-active');
  }

  /**
   * While the user scrolls this page (wheel, keys, touch, the scrollbar), the page leads: the
   * editor follows it, and whatever the editor answers is not followed back.
   */
  const USER_LEADS_MS = 500;
  let userInputAt = Number.NEGATIVE_INFINITY;
  for (const input of ['wheel', 'keydown', 'mousedown', 'touchstart']) {
    window.addEventListener(
      input,
      () => {
        userInputAt = performance.now();
        ignoreScrollUntilY = undefined; // a programmatic scroll still waited for is no longer ours to ignore
      },
      { passive: true },
    );
  }

  /** Whether a scrollToLine from the host answers this page's own scrolling. */
  function isEcho(line) {
    const now = performance.now();
    return now - userInputAt < USER_LEADS_MS || reported.some((r) => r.line === line && now - r.at < ECHO_MS);
  }

  let scrollFrame = 0;
  window.addEventListener('scroll', () => {
    if (ignoreScrollUntilY !== undefined) {
      if (Math.abs(window.scrollY - ignoreScrollUntilY) < 2) ignoreScrollUntilY = undefined;
      return;
    }
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const line = lineAtTop();
      state.line = line;
      save();
      const now = performance.now();
      reported = reported.filter((r) => now - r.at < ECHO_MS);
      reported.push({ line: Math.floor(line), at: now });
      vscode.postMessage({ type: 'didScroll', source: state.resource, line });
    });
  });

  // An id of another bulletin opens that bulletin in this preview (its href is for exported files).
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.bulletin-ref') : null;
    if (!(link instanceof HTMLElement)) return;
    event.preventDefault();
    const path = link.dataset.source;
    if (typeof path === 'string' && path) vscode.postMessage({ type: 'openBulletin', source: state.resource, path });
  });

  document.addEventListener('dblclick', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (!(target instanceof HTMLElement)) return;
    const line = Number(target.dataset.line);
    if (!Number.isFinite(line)) return;
    markActive(target);
    vscode.postMessage({ type: 'revealLine', source: state.resource, line });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object' || typeof message.source !== 'string') return;
    switch (message.type) {
      case 'update': {
        const switched = message.source !== state.resource;
        if (!switched && message.version < lastVersion) return; // an older render arrived late
        lastVersion = message.version;
        state.resource = message.source;
        state.locked = message.locked === true;
        // The server escaped every value; the page has no script and the CSP allows none inline.
        root.innerHTML = message.html;
        document.title = message.title;
        if (switched) {
          state.line = undefined;
          scrollToY(0);
        } else if (firstPage && typeof state.line === 'number') {
          scrollToLine(state.line);
        }
        firstPage = false;
        save();
        break;
      }
      case 'scrollToLine':
        if (message.source !== state.resource || typeof message.line !== 'number') return;
        if (isEcho(message.line)) return;
        state.line = message.line;
        save();
        scrollToLine(message.line);
        break;
      case 'error': {
        if (message.source !== state.resource) return;
        const note = document.createElement('p');
        note.className = 'preview-error';
        note.textContent = String(message.message);
        root.querySelector('.preview-error')?.remove();
        root.prepend(note);
        break;
      }
    }
  });

  document.body.classList.toggle('vscode-preview', true);
  save();
  vscode.postMessage({ type: 'ready', source: state.resource });
})();
