// Forgotten passwords: ask for a reset link, then choose a new password from that link.

import { api } from '../api.js';
import { session } from '../auth.js';
import { h, field, formAlert, showErrors, clearErrors, busy } from '../dom.js';

function card(heading, ...content) {
  return h('section', { class: 'card narrow' }, h('h1', { tabindex: '-1' }, heading), ...content);
}

export const forgot = {
  title: 'Forgot your password',
  render({ main }) {
    const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true });
    const form = h('form', { novalidate: true, id: 'forgot-form' },
      formAlert(),
      field('Email', email),
      h('button', { type: 'submit' }, 'Send me a reset link'));
    main.append(card('Forgot your password?',
      h('p', {}, 'Enter the address you signed up with and we will email you a link to choose a new password.'),
      form));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        await busy(form, () => api.post('/api/auth/password-reset', { email: email.value.trim() }, { anonymous: true }));
        form.replaceWith(h('p', { class: 'success', role: 'status', id: 'reset-requested' },
          `If ${email.value.trim()} belongs to an account, a reset link is on its way. It works for 30 minutes.`));
      } catch (error) {
        showErrors(form, error);
      }
    });
  },
};

export const reset = {
  title: 'Choose a new password',
  render({ main, params }) {
    const token = params.get('token') ?? '';
    const password = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
    const repeat = h('input', { name: 'repeat', type: 'password', autocomplete: 'new-password', required: true });
    const form = h('form', { novalidate: true, id: 'reset-form' },
      formAlert(),
      field('New password', password, 'At least 12 characters.'),
      field('New password again', repeat),
      h('button', { type: 'submit' }, 'Change password'));
    main.append(card('Choose a new password', form));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      if (password.value !== repeat.value) {
        showErrors(form, { fieldErrors: [{ field: 'repeat', message: 'does not match the new password' }] });
        return;
      }
      try {
        await busy(form, () => api.post('/api/auth/password-reset/confirm',
          { token, newPassword: password.value }, { anonymous: true }));
        form.replaceWith(h('div', { role: 'status' },
          h('p', { class: 'success', id: 'password-reset' }, 'Your password is changed. Other sessions must log in again.'),
          h('button', { type: 'button', onclick: () => session.login({ returnTo: '#/notifications' }) }, 'Log in')));
      } catch (error) {
        showErrors(form, error, { token: 'The reset link' });
        if (error.fieldErrors?.some((it) => it.field === 'token')) {
          form.querySelector('.form-alert').append(h('p', {}, h('a', { href: '#/forgot-password' }, 'Ask for a new link')));
        }
      }
    });
  },
};
