// Starts the web client: finishes a login or logout redirect, then hands over to the router.

import { session } from './auth.js';
import { shell } from './shell.js';
import { router } from './router.js';

async function start() {
  if (!(await session.init())) return;
  const query = new URLSearchParams(location.search);
  let notice = null;
  if (query.has('code') || query.has('error')) {
    try {
      const pending = await session.completeLogin(query);
      if (pending.action) sessionStorage.setItem('lightpress.resume', pending.action);
      history.replaceState(null, '', location.pathname + (pending.returnTo || '#/'));
    } catch (error) {
      notice = error.message;
      history.replaceState(null, '', `${location.pathname}#/`);
    }
  } else if (query.has('state')) {
    if (session.isReturnFromLogout(query)) notice = 'You have been logged out.';
    history.replaceState(null, '', location.pathname + location.hash);
  }
  shell.mount();
  if (notice) shell.notice(notice);
  router.start();
}

start().catch((error) => {
  const main = document.getElementById('main');
  main.replaceChildren();
  const alert = document.createElement('p');
  alert.className = 'alert';
  alert.setAttribute('role', 'alert');
  alert.textContent = `Lightpress could not start: ${error.message}`;
  main.append(alert);
});
