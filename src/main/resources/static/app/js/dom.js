// Small DOM helpers: elements from data (text is always text, never HTML), accessible form
// fields, and problem details shown next to the fields they name.

let counter = 0;

/** A new id for an element that a label or aria-describedby must point at. */
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Creates an element: h('button', {type: 'button', onclick}, 'Save'). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value') {
      element.value = value;
    } else if (name === 'checked') {
      element.checked = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** A labelled input with an optional hint, wired with for/id and aria-describedby. */
export function field(label, input, hint) {
  input.id ||= uid('field');
  const wrapper = h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
  if (hint) {
    const hintId = `${input.id}-hint`;
    wrapper.append(h('p', { class: 'hint', id: hintId }, hint));
    describe(input, hintId);
  }
  return wrapper;
}

/** A checkbox with its label after it. */
export function checkbox(label, input) {
  input.type = 'checkbox';
  input.id ||= uid('check');
  return h('div', { class: 'check' }, input, h('label', { for: input.id }, label));
}

/** The error area of a form: announced when it changes, empty and hidden otherwise. */
export function formAlert() {
  return h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
}

function describe(element, id) {
  const ids = new Set((element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  ids.add(id);
  element.setAttribute('aria-describedby', [...ids].join(' '));
}

function undescribe(element, id) {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((it) => it && it !== id);
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Removes the errors a previous submit showed. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((message) => {
    const owner = form.querySelector(`[aria-describedby~="${message.id}"]`);
    if (owner) {
      undescribe(owner, message.id);
      owner.removeAttribute('aria-invalid');
    }
    message.remove();
  });
  const alert = form.querySelector('.form-alert');
  if (alert) {
    alert.replaceChildren();
    alert.hidden = true;
  }
}

function findField(form, name) {
  if (!name) return null;
  const escaped = CSS.escape(name);
  return form.querySelector(`[name="${escaped}"]`) ?? form.querySelector(`[data-field="${escaped}"]`);
}

function labelOf(target) {
  const label = target.id ? target.ownerDocument.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
  return (label?.textContent ?? target.dataset.label ?? '').trim();
}

/** "must be an https URL" reads better as "Avatar URL must be an https URL". */
function sentence(label, message) {
  return label && /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/**
 * Shows an error from the API: each entry of the problem's errors[] next to the field it names
 * (aria-invalid, aria-describedby), anything else in the form's alert; focuses the first field.
 */
export function showErrors(form, error, labels = {}) {
  clearErrors(form);
  const general = [];
  let first = null;
  for (const { field: name, message } of error.fieldErrors ?? []) {
    const target = findField(form, name);
    if (!target) {
      general.push(sentence(labels[name] ?? name, message ?? 'is invalid'));
      continue;
    }
    const id = uid('error');
    const paragraph = h('p', { class: 'field-error', id }, sentence(labels[name] ?? labelOf(target), message));
    (target.closest('.field, fieldset, .check, td') ?? target.parentElement).append(paragraph);
    target.setAttribute('aria-invalid', 'true');
    describe(target, id);
    first ??= target;
  }
  if (!error.fieldErrors?.length) general.push(error.message);
  const alert = form.querySelector('.form-alert');
  if (general.length && alert) {
    alert.replaceChildren(...general.map((text) => h('p', {}, text)));
    alert.hidden = false;
  }
  (first ?? alert)?.focus?.({ preventScroll: false });
  if (!first && alert) alert.scrollIntoView({ block: 'nearest' });
}

/** Disables a form's controls while a request runs, and enables them again after it. */
export async function busy(form, work) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter((it) => !it.disabled);
  controls.forEach((it) => { it.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    controls.forEach((it) => { it.disabled = false; });
    form.removeAttribute('aria-busy');
  }
}

/** Says something to screen readers without moving focus. */
export function announce(text) {
  const live = document.getElementById('live');
  live.textContent = '';
  // a change after clearing makes the same message be read again
  requestAnimationFrame(() => { live.textContent = text; });
}

/** A date and time in the browser's language. */
export function formatTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
}

/** An amount in the currency's smallest unit (cents), formatted for the currency. */
export function formatMoney(amount, currency) {
  const code = (currency ?? 'usd').toUpperCase();
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: code });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(amount / 10 ** digits);
}
