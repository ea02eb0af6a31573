// Sign-up: the API answers the same whether or not the address is taken, so the next step is
// always the email.

import { api } from '../api.js';
import { h, field, formAlert, showErrors, clearErrors, busy } from '../dom.js';

export const title = 'Create an account';

export function render({ main }) {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true });
  const displayName = h('input', { name: 'displayName', type: 'text', autocomplete: 'name', required: true, maxlength: 100 });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const form = h('form', { novalidate: true, id: 'signup-form' },
    formAlert(),
    field('Email', email),
    field('Your name', displayName),
    field('Password', password, 'At least 12 characters; a passphrase of a few words works well.'),
    h('button', { type: 'submit' }, 'Create account'));
  const section = h('section', { class: 'card narrow' }, h('h1', { tabindex: '-1' }, 'Create an account'), form,
    h('p', { class: 'muted' }, 'Already have an account? Use “Log in” at the top.'));
  main.append(section);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await busy(form, () => api.post('/api/auth/signup', {
        email: email.value.trim(), password: password.value, displayName: displayName.value,
      }, { anonymous: true }));
      form.replaceWith(h('div', { class: 'success', role: 'status', id: 'signup-done' },
        h('p', {}, answer?.status ?? 'Check your inbox: we sent you an email to continue.'),
        h('p', {}, `Open the link in the email sent to ${email.value.trim()} to confirm your address.`)));
    } catch (error) {
      showErrors(form, error, { displayName: 'Your name' });
    }
  });
}
