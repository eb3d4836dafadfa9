import { h, uid } from './dom.js';
import { t } from './i18n.js';

/** A labelled input whose name is the JSON path it fills (venue.seats); errors and warnings attach to it by that name. */
export function field(label, name, options = {}) {
  const id = uid(`f-${name.replace(/\W/g, '-')}`);
  const hintId = options.hint ? `${id}-hint` : null;
  const attrs = { id, name, 'aria-describedby': hintId, required: options.required, ...options.attrs };
  let control;
  if (options.type === 'checkbox') {
    control = h('input', { ...attrs, type: 'checkbox', checked: options.value === true });
    return h('div', { class: 'field check' }, control, h('label', { for: id }, label), hintId && h('span', { id: hintId, class: 'hint' }, options.hint));
  }
  if (options.choices) {
    control = h('select', attrs, options.choices.map(([value, text]) => h('option', { value, selected: String(options.value ?? '') === String(value) }, text)));
  } else if (options.type === 'textarea') {
    control = h('textarea', { ...attrs, rows: 3 }, options.value ?? '');
  } else {
    control = h('input', { ...attrs, type: options.type ?? 'text', value: options.value ?? '' });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintId && h('span', { id: hintId, class: 'hint' }, options.hint));
}

/** Reads a form into nested JSON by its controls' dotted names; numbers as numbers, empty fields left out. */
export function readForm(form) {
  const result = {};
  for (const control of form.querySelectorAll('[name]')) {
    let value;
    if (control.type === 'checkbox') value = control.checked;
    else if (control.value.trim() === '') continue;
    else if (control.type === 'number') value = Number(control.value);
    else value = control.value.trim();
    const path = control.name.split('.');
    let node = result;
    for (const part of path.slice(0, -1)) node = node[part] ??= {};
    node[path.at(-1)] = value;
  }
  return result;
}

function describe(control, messageId) {
  const ids = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  ids.add(messageId);
  control.setAttribute('aria-describedby', [...ids].join(' '));
}

export function clearMessages(form) {
  for (const message of form.querySelectorAll('.field-message')) {
    for (const control of form.querySelectorAll(`[aria-describedby~="${message.id}"]`)) {
      control.setAttribute('aria-describedby', control.getAttribute('aria-describedby').split(' ').filter((id) => id !== message.id).join(' '));
      control.removeAttribute('aria-invalid');
    }
    message.remove();
  }
  form.querySelector('.errors')?.remove();
}

function controlFor(form, fieldName) {
  const name = fieldName.replace(/^\$\.?/, '');
  return form.querySelector(`[name="${CSS.escape(name)}"]`) ?? form.querySelector(`[name^="${CSS.escape(name)}."]`);
}

/** Shows a problem document: a summary at the top (focused, linked to each field) and each message under its field. */
export function showProblem(form, problem, status) {
  clearMessages(form);
  const errors = Object.entries(problem?.errors ?? {});
  const items = [];
  for (const [name, messages] of errors) {
    const control = controlFor(form, name);
    const text = messages.join(' ');
    if (control) {
      const messageId = uid('error');
      control.setAttribute('aria-invalid', 'true');
      describe(control, messageId);
      control.closest('.field').append(h('span', { id: messageId, class: 'field-message error' }, text));
      items.push(h('li', {}, h('a', { href: `#${control.id}`, onclick: (event) => { event.preventDefault(); control.focus(); } }, `${name}: ${text}`)));
    } else {
      items.push(h('li', {}, `${name}: ${text}`));
    }
  }
  const summary = h('div', { class: 'errors', role: 'alert', tabindex: '-1' },
    h('p', {}, h('strong', {}, problem?.title ?? t('errors.failed', { status })), ' ', problem?.detail ?? ''),
    items.length ? h('ul', {}, items) : null);
  form.prepend(summary);
  summary.focus();
}

/** Marks the fields the API warns about, each warning tied to its field for screen readers. */
export function markWarnings(form, warnings) {
  for (const warning of warnings) {
    const control = controlFor(form, warning.field);
    if (!control) continue;
    const messageId = uid('warning');
    describe(control, messageId);
    control.closest('.field').append(h('span', { id: messageId, class: 'field-message hint' }, `⚠ ${t(`warnings.${warning.code}`)}: ${warning.message}`));
  }
}

/** A problem shown outside a form (a page that could not load). */
export function problemNotice(result) {
  const problem = result.data ?? {};
  return h('div', { class: 'errors', role: 'alert' },
    h('p', {}, h('strong', {}, result.status === 404 ? t('errors.notFound') : problem.title ?? t('errors.failed', { status: result.status })), ' ', problem.detail ?? ''));
}
