// Hash routes (#/path?query): each names a screen; screens that need a login get one first.

import { session } from './auth.js';
import { h } from './dom.js';
import * as welcome from './screens/welcome.js';
import * as signup from './screens/signup.js';
import * as verifyEmail from './screens/verify-email.js';
import * as password from './screens/password.js';
import * as inbox from './screens/inbox.js';
import * as profile from './screens/profile.js';
import * as billing from './screens/billing.js';
import * as preferences from './screens/preferences.js';
import * as security from './screens/security.js';
import * as adminUsers from './screens/admin-users.js';
import * as adminOperations from './screens/admin-operations.js';

const routes = {
  '/': { screen: welcome, open: true },
  '/signup': { screen: signup, open: true },
  '/verify-email': { screen: verifyEmail, open: true },
  '/forgot-password': { screen: password.forgot, open: true },
  '/reset-password': { screen: password.reset, open: true },
  '/notifications': { screen: inbox },
  '/profile': { screen: profile },
  '/billing': { screen: billing },
  '/settings/notifications': { screen: preferences },
  '/security': { screen: security },
  '/admin/users': { screen: adminUsers, admin: true },
  '/admin/operations': { screen: adminOperations, admin: true },
};

let current = null;

function parse(hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

function message(title, ...content) {
  return {
    title,
    render({ main }) {
      main.append(h('section', { class: 'card narrow' }, h('h1', { tabindex: '-1' }, title), ...content));
    },
  };
}

function loginNeeded() {
  if (session.shouldResume()) {
    session.resume(location.hash);
    return message('Signing you in…', h('p', { class: 'muted' }, 'One moment.'));
  }
  return message('Please log in',
    h('p', {}, 'This page is for signed-in users.'),
    h('p', { class: 'row' },
      h('button', { type: 'button', id: 'login-to-continue', onclick: () => session.login({ returnTo: location.hash }) }, 'Log in'),
      h('a', { href: '#/signup' }, 'Create an account')));
}

function resolve() {
  const { path, params } = parse(location.hash);
  const route = routes[path];
  if (!route) return { screen: message('Page not found', h('p', {}, h('a', { href: '#/' }, 'Go to the start page'))), params };
  if (path === '/' && session.signedIn) return { screen: inbox, params };
  if (!route.open && !session.signedIn) return { screen: loginNeeded(), params };
  if (path === '/' && session.shouldResume()) return { screen: loginNeeded(), params };
  if (route.admin && !session.isAdmin) {
    return { screen: message('Admins only', h('p', {}, 'This page needs the ADMIN role.')), params };
  }
  return { screen: route.screen, params };
}

async function render() {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const main = document.getElementById('main');
  const { screen, params } = resolve();
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  document.title = `${screen.title ?? 'Lightpress'} · Lightpress`;
  try {
    await screen.render({ main, params, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) return;
    main.append(h('p', { class: 'alert', role: 'alert' }, error.message));
  } finally {
    main.removeAttribute('aria-busy');
  }
  if (controller.signal.aborted) return;
  // focus moves to the new screen's heading unless the screen put it somewhere itself
  const heading = main.querySelector('h1');
  if (heading && !main.contains(document.activeElement)) heading.focus({ preventScroll: true });
}

export const router = {
  start() {
    window.addEventListener('hashchange', render);
    session.onChange((signedIn) => {
      // a login that ended on its own (refresh refused) goes through auth again, silently
      if (!signedIn && session.shouldResume()) {
        session.resume(location.hash);
        return;
      }
      render();
    });
    render();
  },
  render,
};
