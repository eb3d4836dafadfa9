// The six UN languages; the user's choice is kept in this browser. Strings live in one JSON file per language,
// English filling in any key a translation lacks.
export const languages = [['ar', 'العربية'], ['zh', '中文'], ['en', 'English'], ['fr', 'Français'], ['ru', 'Русский'], ['es', 'Español']];
const storageKey = 'hostingcalls.language';
let strings = {};
let english = {};
export let language = 'en';

async function load(code) {
  const response = await fetch(`/api/portal/i18n/${code}.json`);
  return response.ok ? response.json() : {};
}

export function initialLanguage() {
  const saved = localStorage.getItem(storageKey);
  const wanted = saved ?? (navigator.language ?? 'en').slice(0, 2);
  return languages.some(([code]) => code === wanted) ? wanted : 'en';
}

export async function setLanguage(code) {
  if (!english.app) english = await load('en');
  strings = code === 'en' ? english : await load(code);
  language = code;
  localStorage.setItem(storageKey, code);
  document.documentElement.lang = code;
  document.documentElement.dir = code === 'ar' ? 'rtl' : 'ltr';
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-aria]')) element.setAttribute('aria-label', t(element.dataset.i18nAria));
}

function lookup(table, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), table);
}

/** The string for a dotted key, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = lookup(strings, key) ?? lookup(english, key) ?? key;
  return String(text).replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

/** An instant in a time zone (the call's, or the user's own when none), with the zone's offset. */
export function instant(iso, timeZone) {
  if (!iso) return '';
  // dateStyle and timeStyle cannot go with timeZoneName, so the parts are named one by one.
  const options = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'shortOffset' };
  if (timeZone) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(language, options).format(new Date(iso));
}

export function date(isoDate) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function number(value, digits = 0) {
  return value === null || value === undefined ? '' : new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

export const ownTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
