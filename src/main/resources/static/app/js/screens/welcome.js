// The start page for someone who is not logged in.

import { session } from '../auth.js';
import { h } from '../dom.js';

export const title = 'Welcome';

export function render({ main }) {
  main.append(h('section', { class: 'card narrow' },
    h('h1', { tabindex: '-1' }, 'Welcome to Lightpress'),
    h('p', {}, 'Accounts, subscriptions and notifications for your SaaS, in one place.'),
    h('p', { class: 'row' },
      h('button', { type: 'button', id: 'welcome-login', onclick: () => session.login({ returnTo: '#/notifications' }) }, 'Log in'),
      h('a', { class: 'button secondary', href: '#/signup', id: 'welcome-signup' }, 'Create an account')),
    h('p', { class: 'muted' }, h('a', { href: '#/forgot-password' }, 'Forgot your password?'))));
}
