// Sign-in security: the authenticator app (enrol with a QR code drawn by Lightpress, confirm with a
// first code, remove), passkeys (see security-passkeys.js) and the recovery codes that come with
// the first of either (see security-codes.js). Removing and renewing need a login with the second
// factor: the API answers insufficient_user_authentication, and the screen sends the user through
// the login's second step and back.

import { api, RecentLoginRequired } from '../api.js';
import { session } from '../auth.js';
import { h, field, formAlert, showErrors, clearErrors, busy, formatDate, announce } from '../dom.js';
import { passkeysCard } from './security-passkeys.js';
import { newCodes, recoveryCodesCard } from './security-codes.js';

const FACTORS = '/api/auth/factors';

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
      if (!confirmed.recoveryCodes.length) {
        // a passkey came first, and with it the codes, which stay as they are
        announce('The authenticator app is set up.');
        rerender();
        return;
      }
      form.replaceWith(h('div', {}, h('p', { class: 'success' }, 'The authenticator app is set up.'),
        newCodes(confirmed.recoveryCodes, rerender)));
      announce('The authenticator app is set up. Save your recovery codes.');
    } catch (error) {
      showErrors(form, error, { code: 'The code' });
    }
  });
  return form;
}

function enrolledCard(main, status, rerender) {
  const remove = h('form', { novalidate: true, id: 'remove-app' }, formAlert(),
    h('button', { type: 'submit', class: 'danger' }, 'Remove the authenticator app'));
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
    remove));
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
  if (status.authenticatorAppAddedAt || status.passkeys > 0) recoveryCodesCard(main, status, withSecondFactor);
}
