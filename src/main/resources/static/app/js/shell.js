// The frame around every screen: navigation with the live unread badge, notices, the reminder to
// confirm the email address, and the notification stream while someone is logged in.

import { session } from './auth.js';
import { api } from './api.js';
import { openStream } from './stream.js';
import { h, announce } from './dom.js';

const nav = () => document.getElementById('site-nav');
const listeners = new Set();
let stream = null;
let unread = 0;
let countTimer = null;

function link(href, text, extra) {
  return h('a', { href }, text, extra);
}

function badge() {
  return h('span', { class: 'badge', id: 'unread-badge', hidden: unread === 0, 'aria-hidden': 'true' }, String(unread));
}

function renderNav() {
  const items = [];
  if (session.signedIn) {
    const claims = session.claims;
    items.push(
      link('#/notifications', 'Inbox', [badge(), h('span', { class: 'visually-hidden', id: 'unread-text' }, unreadText())]),
      link('#/billing', 'Billing'),
      link('#/settings/notifications', 'Notification settings'),
      link('#/profile', 'Profile'),
      link('#/security', 'Sign-in security'),
    );
    if (session.isAdmin) items.push(link('#/admin/users', 'Users'), link('#/admin/operations', 'Operations'));
    items.push(
      h('span', { class: 'who', id: 'who' }, claims.name ?? claims.email ?? ''),
      h('button', { type: 'button', id: 'logout', onclick: () => session.logout() }, 'Log out'),
    );
  } else {
    items.push(
      h('button', { type: 'button', id: 'login', onclick: () => session.login({ returnTo: '#/notifications' }) }, 'Log in'),
      link('#/signup', 'Sign up'),
    );
  }
  nav().replaceChildren(...items);
  markCurrent();
  renderVerificationReminder();
}

function unreadText() {
  return unread === 0 ? '' : ` (${unread} unread)`;
}

function markCurrent() {
  const path = (location.hash || '#/').split('?')[0];
  nav().querySelectorAll('a').forEach((a) => {
    if (a.getAttribute('href') === path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

function renderVerificationReminder() {
  document.getElementById('verify-reminder')?.remove();
  if (!session.signedIn || session.claims.email_verified !== false) return;
  const status = h('span', { role: 'status' });
  const resend = h('button', {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      resend.disabled = true;
      try {
        await api.post('/api/auth/verify-email/resend');
        status.textContent = ' We sent you a new email.';
      } catch (error) {
        status.textContent = ` ${error.message}`;
        resend.disabled = false;
      }
    },
  }, 'Send it again');
  const reminder = h('div', { class: 'banner', id: 'verify-reminder' },
    'Please confirm your email address with the link we sent you. ', resend, status);
  document.querySelector('.topbar').after(reminder);
}

async function refreshUnread() {
  clearTimeout(countTimer);
  countTimer = setTimeout(async () => {
    try {
      const { count } = await api.get('/api/notifications/unread-count');
      setUnread(count);
    } catch {
      // the next event or reconnect tries again
    }
  }, 150);
}

function setUnread(count) {
  unread = count;
  const element = document.getElementById('unread-badge');
  if (!element) return;
  element.textContent = String(count);
  element.hidden = count === 0;
  const menuBadge = document.getElementById('menu-badge');
  menuBadge.textContent = String(count);
  menuBadge.hidden = count === 0;
  document.getElementById('unread-text').textContent = unreadText();
}

function startStream() {
  stream?.stop();
  stream = openStream({
    onConnected: () => {
      nav().dataset.live = 'connected';
      refreshUnread();
    },
    onNotification: (notification) => {
      refreshUnread();
      announce(`New notification: ${notification.title}`);
      listeners.forEach((listener) => listener(notification));
    },
  });
}

function setUpMenu() {
  const toggle = document.getElementById('menu-toggle');
  const small = window.matchMedia('(max-width: 640px)');
  const apply = () => {
    toggle.hidden = !small.matches;
    nav().classList.toggle('collapsed', small.matches && toggle.getAttribute('aria-expanded') !== 'true');
  };
  toggle.addEventListener('click', () => {
    toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
    apply();
  });
  small.addEventListener('change', apply);
  window.addEventListener('hashchange', () => {
    toggle.setAttribute('aria-expanded', 'false');
    apply();
  });
  apply();
}

export const shell = {
  mount() {
    document.getElementById('skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById('main').focus();
    });
    setUpMenu();
    session.onChange((signedIn) => {
      if (signedIn) startStream();
      else {
        stream?.stop();
        stream = null;
        delete nav().dataset.live;
        setUnread(0);
      }
      renderNav();
    });
    window.addEventListener('hashchange', markCurrent);
    if (session.signedIn) startStream();
    renderNav();
  },

  /** A message at the top of the page, for example after a logout. */
  notice(text) {
    const banner = document.getElementById('banner');
    banner.replaceChildren(text, h('button', { type: 'button', class: 'link', onclick: () => { banner.hidden = true; } }, 'Dismiss'));
    banner.hidden = false;
  },

  /** Calls the listener with each notification that arrives live; returns how to stop. */
  onNotification(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  refreshUnread,
  renderNav,
};
