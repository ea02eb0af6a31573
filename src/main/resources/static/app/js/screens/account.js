// The account parts of the profile page: change the password, export the data, close the account.

import { api, RecentLoginRequired } from '../api.js';
import { session } from '../auth.js';
import { shell } from '../shell.js';
import { h, field, formAlert, showErrors, clearErrors, busy } from '../dom.js';

const RESUME = 'lightpress.resume';
const CLOSE = 'close-account';

export function passwordCard() {
  const current = h('input', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const status = h('p', { role: 'status' });
  const form = h('form', { novalidate: true, id: 'password-form' },
    formAlert(),
    field('Current password', current),
    field('New password', next, 'At least 12 characters. Your other devices will have to log in again.'),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Change password'), status));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.textContent = '';
    try {
      await busy(form, () => api.post('/api/auth/password', { currentPassword: current.value, newPassword: next.value }));
      form.reset();
      status.textContent = 'Your password is changed.';
    } catch (error) {
      showErrors(form, error);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'password-heading' }, h('h2', { id: 'password-heading' }, 'Password'), form);
}

export function exportCard() {
  const alert = h('div', { role: 'alert' });
  const button = h('button', {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      alert.replaceChildren();
      try {
        const data = await api.get('/api/users/me/export');
        const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
        const anchor = h('a', { href: url, download: 'lightpress-data.json' });
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (error) {
        alert.replaceChildren(h('p', { class: 'alert' }, error.message));
      }
    },
  }, 'Download my data');
  return h('section', { class: 'card', 'aria-labelledby': 'export-heading' },
    h('h2', { id: 'export-heading' }, 'Your data'),
    h('p', {}, 'Everything Lightpress keeps about you, as one JSON file.'), alert, button);
}

export function closeCard(profile) {
  const confirmation = h('input', { name: 'confirmation', type: 'email', autocomplete: 'off', required: true });
  const form = h('form', { novalidate: true, id: 'close-form' },
    formAlert(),
    field('Type your email address to confirm', confirmation),
    h('button', { type: 'submit', class: 'danger' }, 'Close my account'));

  async function close() {
    try {
      await busy(form, () => api.delete('/api/users/me'));
      sessionStorage.removeItem(RESUME);
      session.end();
      shell.notice('Your account is closed and your data is being erased. Goodbye!');
      location.hash = '#/';
    } catch (error) {
      if (error instanceof RecentLoginRequired) {
        // closing needs a fresh login: through auth's login page and back, then again
        await session.login({ returnTo: '#/profile', maxAge: 0, acrValues: error.acrValues, action: CLOSE });
        return;
      }
      showErrors(form, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    if (confirmation.value.trim().toLowerCase() !== profile.email.toLowerCase()) {
      showErrors(form, { fieldErrors: [{ field: 'confirmation', message: 'Type the email address of this account.' }] });
      return;
    }
    close();
  });
  if (sessionStorage.getItem(RESUME) === CLOSE) {
    sessionStorage.removeItem(RESUME);
    queueMicrotask(close);
  }
  return h('section', { class: 'card', 'aria-labelledby': 'close-heading' },
    h('h2', { id: 'close-heading' }, 'Close your account'),
    h('p', {}, 'This deletes your profile, notifications and settings, and cancels a running subscription. '
      + 'Invoices are kept without your name, as the law requires. It cannot be undone. '
      + 'For your safety you will be asked for your password once more.'),
    form);
}
