// Builds DOM nodes. Text always goes in as text nodes (textContent), never as HTML: residents' messages and every other
// value from the server may contain markup, and none of it must ever be parsed. There is no innerHTML in this app.

/**
 * h('tr', { class: 'row', onclick: fn, dataset: { id: 1 } }, 'text', childNode, [more, children])
 * Attributes starting with "on" become event listeners; `text` sets textContent; everything else is setAttribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'style') el.style.cssText = value; // CSSOM, which the page's CSP allows (a style attribute would not be)
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'value') el.value = value;
      else if (key === 'checked' || key === 'selected' || key === 'disabled') el[key] = Boolean(value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el` with `children`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A <select> with options [value, label]; `current` is selected. */
export function select(attrs, options, current) {
  return h('select', attrs, options.map(([value, label]) =>
    h('option', { value, selected: String(value) === String(current ?? '') }, label)));
}

let toastTimer;
/** A short message at the bottom of the screen. */
export function toast(message, kind = 'ok') {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.className = `toast ${kind}`;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}

/** Saves a blob as a file. */
export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** CSV with a header row; every field quoted, so commas, quotes and newlines in names survive. UTF-8 with BOM for Excel. */
export function toCsv(header, rows) {
  const quote = (v) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const lines = [header, ...rows].map((r) => r.map(quote).join(','));
  return new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}
