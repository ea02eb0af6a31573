// Sign-in security: passkeys (see security-passkeys.js), the authenticator app (enrol with a QR code drawn by Lightpress, confirm with a
// first code, remove) and recovery codes (shown once, renewable). Removing and renewing need a
// login with the second factor: the API answers insufficient_user_authentication, and the screen
// sends the user through the login's code step and back.

import { api, RecentLoginRequired } from '../api.js';
import { session } from '../auth.js';
import { h, field, formAlert, showErrors, clearErrors, busy, formatDate, announce } from '../dom.js';
import { passkeysCard } from './security-passkeys.js';

const FACTORS = '/api/auth/factors';

function codesList(codes) {
  return h('div', { role: 'status' },
    h('p', {}, 'Keep these recovery codes somewhere safe. Each works once, in place of a code from the app. They are shown only now.'),
    h('ol', { id: 'recovery-codes', class: 'codes' }, ...codes.map((code) => h('li', {}, h('code', {}, code)))));
}

async function withSecondFactor(form, call) {
  try {
    return await busy(form, call);
  } catch (error) {
    if (error instanceof RecentLoginRequired) {
      await session.login({ returnTo: '#/security', acrValues: error.acrValues, maxAge: error.maxAge || undefined });
      return null;
    }
    throw error;
  }
}

function enrolCard(main, rerender) {
  const start = h('form', { novalidate: true, id: 'enrol-start' }, formAlert(),
    h('p', {}, 'An authenticator app on your phone adds a second step to signing in: after your password, a 6-digit code from the app.'),
    h('button', { type: 'submit' }, 'Set up an authenticator app'));
  const card = h('section', { class: 'card', 'aria-labelledby': 'app-heading' },
    h('h2', { id: 'app-heading' }, 'Authenticator app'), start);
  start.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(start);
    try {
      const enrolment = await busy(start, () => api.post(`${FACTORS}/authenticator-app`));
      start.replaceWith(confirmForm(enrolment, card, rerender));
    } catch (error) {
      showErrors(start, error);
    }
  });
  main.append(card);
}

function confirmForm(enrolment, card, rerender) {
  const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 16 });
  const form = h('form', { novalidate: true, id: 'enrol-confirm' }, formAlert(),
    h('p', {}, 'Scan this code with your authenticator app, or type the key into it.'),
    h('img', { id: 'enrol-qr', src: enrolment.qrCode, alt: 'QR code for your authenticator app', width: 200, height: 200 }),
    h('p', {}, 'Key: ', h('code', { id: 'enrol-secret' }, enrolment.secret)),
    field('Code from the app', code),
    h('button', { type: 'submit' }, 'Confirm'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const confirmed = await busy(form, () => api.post(`${FACTORS}/authenticator-app/confirm`, { code: code.value.trim() }));
      const done = h('button', { type: 'button', id: 'codes-saved', onclick: rerender }, 'I have saved them');
      form.replaceWith(h('div', {}, h('p', { class: 'success' }, 'The authenticator app is set up.'),
        codesList(confirmed.recoveryCodes), done));
      announce('The authenticator app is set up. Save your recovery codes.');
    } catch (error) {
      showErrors(form, error, { code: 'The code' });
    }
  });
  return form;
}

function enrolledCard(main, status, rerender) {
  const renew = h('form', { novalidate: true, id: 'renew-codes' }, formAlert(),
    h('p', { id: 'codes-left' }, `${status.recoveryCodesLeft} of 10 recovery codes left.`),
    h('button', { type: 'submit' }, 'Make new recovery codes'));
  const remove = h('form', { novalidate: true, id: 'remove-app' }, formAlert(),
    h('button', { type: 'submit', class: 'danger' }, 'Remove the authenticator app'));
  renew.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(renew);
    try {
      const renewed = await withSecondFactor(renew, () => api.post(`${FACTORS}/recovery-codes`));
      if (renewed) renew.replaceWith(codesList(renewed.recoveryCodes));
    } catch (error) {
      showErrors(renew, error);
    }
  });
  remove.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(remove);
    try {
      if ((await withSecondFactor(remove, () => api.delete(`${FACTORS}/authenticator-app`).then(() => true))) !== null) {
        announce('The authenticator app was removed.');
        rerender();
      }
    } catch (error) {
      showErrors(remove, error);
    }
  });
  main.append(h('section', { class: 'card', 'aria-labelledby': 'app-heading' },
    h('h2', { id: 'app-heading' }, 'Authenticator app'),
    h('p', { id: 'app-status' }, `On since ${formatDate(status.authenticatorAppAddedAt)}. Signing in asks for a code from it.`),
    remove),
  h('section', { class: 'card', 'aria-labelledby': 'codes-heading' },
    h('h2', { id: 'codes-heading' }, 'Recovery codes'), renew));
}

export const title = 'Sign-in security';

export async function render({ main }) {
  const rerender = () => {
    main.replaceChildren();
    render({ main });
  };
  main.append(h('h1', { tabindex: '-1' }, 'Sign-in security'));
  const status = await api.get(FACTORS);
  if (status.authenticatorAppAddedAt) enrolledCard(main, status, rerender);
  else enrolCard(main, rerender);
  await passkeysCard(main, withSecondFactor, rerender);
}
