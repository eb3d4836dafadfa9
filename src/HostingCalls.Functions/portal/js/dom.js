// Builds elements from text only (never parsed as markup), so nothing the API returns can run as markup.
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

let counter = 0;
export const uid = (prefix) => `${prefix}-${++counter}`;

/** A section with a heading that names it for screen readers. */
export function section(title, ...children) {
  const id = uid('section');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A table with a caption and column headers. */
export function table(caption, headers, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

let firstPage = true;

/**
 * Puts a page into main and, after navigation within the portal, moves focus to its heading, as a screen reader
 * user expects. The first page of a visit leaves focus where the browser put it, so the skip link comes first.
 */
export function show(main, title, ...children) {
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  document.title = `${title} · HostingCalls`;
  if (!firstPage) heading.focus();
  firstPage = false;
}

export function announce(message) {
  document.getElementById('status').textContent = message;
}
