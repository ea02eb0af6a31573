// The link in the verification email: confirms the address as soon as it is opened.

import { api } from '../api.js';
import { session } from '../auth.js';
import { shell } from '../shell.js';
import { h } from '../dom.js';

export const title = 'Confirm your email';

export async function render({ main, params }) {
  const status = h('div', { role: 'status' }, h('p', { class: 'muted' }, 'Confirming your email address…'));
  main.append(h('section', { class: 'card narrow' }, h('h1', { tabindex: '-1' }, 'Confirm your email'), status));
  const token = params.get('token');
  try {
    if (!token) throw new Error('This link has no token. Open the link from the email again.');
    await api.post('/api/auth/verify-email', { token }, { anonymous: true });
    if (session.signedIn && (await session.refresh())) shell.renderNav();
    status.replaceChildren(h('p', { class: 'success', id: 'verified' }, 'Your email address is confirmed. Thank you!'),
      session.signedIn
        ? h('a', { class: 'button', href: '#/notifications' }, 'Go to your inbox')
        : h('button', { type: 'button', id: 'verified-login', onclick: () => session.login({ returnTo: '#/notifications' }) }, 'Log in'));
  } catch (error) {
    const message = error.fieldErrors?.length ? 'This link is invalid or has expired.' : error.message;
    status.replaceChildren(h('p', { class: 'alert', role: 'alert' }, message),
      h('p', {}, session.signedIn
        ? 'You can ask for a new email with the button at the top of the page.'
        : 'Log in and ask for a new email from the reminder at the top of the page.'));
  }
}
