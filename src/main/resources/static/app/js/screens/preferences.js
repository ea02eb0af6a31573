// Which notifications arrive by email and in the app, and quiet hours for email.

import { api } from '../api.js';
import { h, field, checkbox, formAlert, showErrors, clearErrors, busy } from '../dom.js';

export const title = 'Notification settings';

const NAMES = {
  security: ['Security', 'Logins, password changes and other alerts about your account.'],
  account: ['Account', 'Confirmations and news about your account.'],
  billing: ['Billing', 'Receipts, failed payments, trials and subscription changes.'],
  product: ['Product', 'News about Lightpress.'],
};

export async function render({ main }) {
  const preferences = await api.get('/api/notifications/preferences');
  const rows = h('tbody', {});
  const inputs = {};
  for (const [category, channels] of Object.entries(preferences.categories)) {
    const [name, description] = NAMES[category] ?? [category, ''];
    const mandatory = preferences.mandatory.includes(category);
    const box = (channel, label) => {
      const input = h('input', { type: 'checkbox', name: `categories.${category}.${channel}`, checked: channels[channel], disabled: mandatory });
      inputs[`${category}.${channel}`] = input;
      return h('td', { 'data-label': label }, checkbox(h('span', {}, label, h('span', { class: 'visually-hidden' }, ` for ${name}`)), input));
    };
    rows.append(h('tr', { 'data-field': `categories.${category}`, 'data-label': name },
      h('th', { scope: 'row' }, h('span', {}, name), h('p', { class: 'hint' }, description),
        mandatory ? h('p', { class: 'hint' }, 'Always on: these keep your account safe.') : null),
      box('email', 'Email'), box('inApp', 'In the app')));
  }

  const quiet = preferences.quietHours;
  const enabled = h('input', { type: 'checkbox', name: 'quietHoursEnabled', checked: Boolean(quiet) });
  const start = h('input', { name: 'quietHours.start', type: 'time', value: quiet?.start?.slice(0, 5) ?? '22:00' });
  const end = h('input', { name: 'quietHours.end', type: 'time', value: quiet?.end?.slice(0, 5) ?? '07:00' });
  const times = h('div', { class: 'row', id: 'quiet-times' }, field('From', start), field('Until', end));
  const syncTimes = () => { start.disabled = !enabled.checked; end.disabled = !enabled.checked; };
  enabled.addEventListener('change', syncTimes);
  syncTimes();

  const status = h('p', { role: 'status', id: 'preferences-status' });
  const form = h('form', { novalidate: true, id: 'preferences-form' },
    formAlert(),
    h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('caption', { class: 'visually-hidden' }, 'Notification channels per category'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col' }, 'Email'), h('th', { scope: 'col' }, 'In the app'))),
      rows)),
    h('fieldset', {},
      h('legend', {}, 'Quiet hours'),
      checkbox('Hold back email that can wait during these hours', enabled),
      times,
      h('p', { class: 'hint' }, `In your time zone, ${preferences.timeZone} (change it on your profile). `
        + 'Security emails and in-app notifications are never held back.')),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save settings'), status));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.textContent = '';
    const categories = {};
    for (const category of Object.keys(preferences.categories)) {
      categories[category] = { email: inputs[`${category}.email`].checked, inApp: inputs[`${category}.inApp`].checked };
    }
    const body = { categories, quietHours: enabled.checked ? { start: start.value, end: end.value } : null };
    try {
      await busy(form, () => api.put('/api/notifications/preferences', body));
      syncTimes();
      status.textContent = 'Saved.';
    } catch (error) {
      syncTimes();
      showErrors(form, error, { 'quietHours.start': 'The start', 'quietHours.end': 'The end' });
    }
  });

  main.append(h('section', { class: 'card' }, h('h1', { tabindex: '-1' }, 'Notification settings'), form));
}
