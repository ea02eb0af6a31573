// The user's own account: profile with optimistic concurrency (ETag / If-Match), password,
// data export and closing the account.

import { api } from '../api.js';
import { session } from '../auth.js';
import { shell } from '../shell.js';
import { h, field, formAlert, showErrors, clearErrors, busy, announce, formatDate } from '../dom.js';
import { passwordCard, exportCard, closeCard } from './account.js';

export const title = 'Profile';

const LOCALES = ['en', 'en-GB', 'de', 'de-CH', 'fr', 'es', 'it', 'nl', 'pt-BR', 'ja'];

function options(id, values) {
  return h('datalist', { id }, values.map((value) => h('option', { value })));
}

function avatar(profile) {
  const initials = (profile.displayName ?? '?').split(/\s+/).map((part) => part[0]).join('').slice(0, 2).toUpperCase();
  const element = h('div', { class: 'avatar', 'aria-hidden': 'true' }, initials);
  if (profile.avatarUrl) {
    const image = h('img', { alt: '', referrerpolicy: 'no-referrer' });
    image.addEventListener('load', () => element.replaceChildren(image));
    image.src = profile.avatarUrl;
  }
  return element;
}

export async function render({ main, signal }) {
  let { data: profile, response } = await api.get('/api/users/me', { raw: true });
  let etag = response.headers.get('ETag');
  if (signal.aborted) return;

  const displayName = h('input', { name: 'displayName', type: 'text', autocomplete: 'name', maxlength: 100 });
  const avatarUrl = h('input', { name: 'avatarUrl', type: 'url', inputmode: 'url', placeholder: 'https://…' });
  const locale = h('input', { name: 'locale', type: 'text', list: 'locales', autocomplete: 'off' });
  const timeZone = h('input', { name: 'timeZone', type: 'text', list: 'time-zones', autocomplete: 'off' });
  const status = h('p', { role: 'status', id: 'profile-status' });
  const form = h('form', { novalidate: true, id: 'profile-form' },
    formAlert(),
    field('Display name', displayName),
    field('Avatar URL', avatarUrl, 'An https address of a picture; leave it empty for none.'),
    field('Language', locale, 'A language tag such as en, de or de-CH: emails come in this language.'),
    field('Time zone', timeZone, 'Such as Europe/Berlin: quiet hours and emails use it.'),
    options('locales', LOCALES),
    options('time-zones', ['UTC', ...(Intl.supportedValuesOf?.('timeZone') ?? [])]),
    h('div', { class: 'row' }, h('button', { type: 'submit', id: 'save-profile' }, 'Save profile'), status));
  const facts = h('dl', { class: 'facts' });
  const picture = h('div');

  function show(view) {
    profile = view;
    displayName.value = view.displayName ?? '';
    avatarUrl.value = view.avatarUrl ?? '';
    locale.value = view.locale ?? '';
    timeZone.value = view.timeZone ?? '';
    picture.replaceChildren(avatar(view));
    facts.replaceChildren(
      h('dt', {}, 'Email'), h('dd', { id: 'profile-email' }, view.email),
      h('dt', {}, 'Roles'), h('dd', {}, [...view.roles].sort().join(', ')),
      h('dt', {}, 'Member since'), h('dd', {}, formatDate(view.createdAt)));
  }

  async function reload() {
    const latest = await api.get('/api/users/me', { raw: true });
    etag = latest.response.headers.get('ETag');
    show(latest.data);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.textContent = '';
    const changes = {
      displayName: displayName.value,
      avatarUrl: avatarUrl.value.trim(),
      locale: locale.value.trim(),
      timeZone: timeZone.value.trim(),
    };
    try {
      const saved = await busy(form, () => api.patch('/api/users/me', changes, { headers: { 'If-Match': etag }, raw: true }));
      etag = saved.response.headers.get('ETag');
      show(saved.data);
      status.textContent = 'Saved.';
      if (session.signedIn && (await session.refresh())) shell.renderNav();
    } catch (error) {
      if (error.status === 412) {
        await reload();
        showErrors(form, { message: 'Your profile was changed somewhere else (another tab or device) while you edited it. '
          + 'The form now shows the latest version: check it, make your change again and save.' });
        return;
      }
      showErrors(form, error);
    }
  });

  show(profile);
  main.append(
    h('section', { class: 'card' },
      h('div', { class: 'row' }, picture, h('h1', { tabindex: '-1' }, 'Profile')),
      facts),
    h('section', { class: 'card', 'aria-labelledby': 'edit-heading' }, h('h2', { id: 'edit-heading' }, 'Edit your profile'), form),
    passwordCard(),
    exportCard(),
    closeCard(profile));
  announce('Profile loaded');
}
