// For admins: find accounts, change their roles, disable and enable them.

import { api } from '../api.js';
import { session } from '../auth.js';
import { h, field, formAlert, showErrors, clearErrors, announce, formatDate } from '../dom.js';

export const title = 'Users';

export async function render({ main, params }) {
  const query = h('input', { name: 'q', type: 'search', value: params.get('q') ?? '', autocomplete: 'off' });
  const form = h('form', { role: 'search', id: 'user-search', novalidate: true },
    formAlert(),
    h('div', { class: 'row' }, field('Search by email or name', query), h('button', { type: 'submit' }, 'Search')));
  const alert = h('div', { role: 'alert', tabindex: '-1' });
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', hidden: true }, 'No accounts match.');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(false) }, 'Load more');
  const me = session.claims.sub;
  let cursor = null;

  function row(account) {
    const cell = (label, ...content) => h('td', { 'data-label': label }, ...content);
    const admin = account.roles.includes('ADMIN');
    const active = account.status === 'ACTIVE';
    const self = account.id === me;
    return h('tr', { 'data-id': account.id },
      cell('Account', h('strong', {}, account.displayName), h('br'), h('span', { class: 'muted' }, account.email)),
      cell('Roles', [...account.roles].sort().join(', ')),
      cell('Status', account.status.toLowerCase()),
      cell('Since', formatDate(account.createdAt)),
      cell('Actions', h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => setAdmin(account, !admin) },
          admin ? 'Remove admin' : 'Make admin', h('span', { class: 'visually-hidden' }, `: ${account.email}`)),
        self ? null : h('button', { type: 'button', class: active ? 'danger' : 'secondary', onclick: () => setActive(account, !active) },
          active ? 'Disable' : 'Enable', h('span', { class: 'visually-hidden' }, `: ${account.email}`)))));
  }

  async function act(account, work, done) {
    alert.replaceChildren();
    try {
      const updated = await work();
      body.querySelector(`[data-id="${account.id}"]`)?.replaceWith(row(updated));
      announce(done(updated));
    } catch (error) {
      alert.replaceChildren(h('p', { class: 'alert' }, `${account.email}: ${error.message}`));
      alert.focus();
    }
  }

  const setAdmin = (account, admin) => act(account,
    () => api.put(`/api/admin/users/${account.id}/roles`,
      { roles: admin ? [...new Set([...account.roles, 'ADMIN'])] : account.roles.filter((role) => role !== 'ADMIN') }),
    (updated) => `${updated.email} now has the roles ${updated.roles.join(', ')}. It applies from their next token refresh.`);

  const setActive = (account, active) => act(account,
    () => api.post(`/api/admin/users/${account.id}/${active ? 'enable' : 'disable'}`),
    (updated) => `${updated.email} is ${updated.status.toLowerCase()}.`);

  async function load(reset) {
    clearErrors(form);
    try {
      const search = new URLSearchParams({ limit: '20' });
      if (query.value.trim()) search.set('q', query.value.trim());
      if (!reset && cursor) search.set('cursor', cursor);
      const page = await api.get(`/api/admin/users?${search}`);
      if (reset) body.replaceChildren();
      page.items.forEach((account) => body.append(row(account)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      empty.hidden = body.children.length > 0;
    } catch (error) {
      showErrors(form, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', `#/admin/users${query.value.trim() ? `?q=${encodeURIComponent(query.value.trim())}` : ''}`);
    load(true);
  });

  main.append(h('section', { class: 'card' },
    h('h1', { tabindex: '-1' }, 'Users'), form, alert,
    h('div', { class: 'table-wrap' }, h('table', { class: 'responsive', id: 'users-table' },
      h('caption', { class: 'visually-hidden' }, 'Accounts'),
      h('thead', {}, h('tr', {}, ['Account', 'Roles', 'Status', 'Since', 'Actions'].map((name) => h('th', { scope: 'col' }, name)))),
      body)),
    empty, more));
  await load(true);
}
