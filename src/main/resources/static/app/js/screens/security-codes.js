// Recovery codes on the security screen. They come with the account's first second factor (an
// authenticator app or a passkey), are shown once, and can be renewed while the account has a
// second factor; renewing needs a login with it, so the caller passes withSecondFactor.

import { api } from '../api.js';
import { h, formAlert, showErrors, clearErrors } from '../dom.js';

const RECOVERY_CODES = '/api/auth/factors/recovery-codes';

function codesList(codes) {
  return h('div', { role: 'status' },
    h('p', {}, 'Keep these recovery codes somewhere safe. Each works once, in place of a code from your app or a passkey. They are shown only now.'),
    h('ol', { id: 'recovery-codes', class: 'codes' }, ...codes.map((code) => h('li', {}, h('code', {}, code)))));
}

/** Codes just handed out, shown this once, and the button to go on once they are saved. */
export function newCodes(codes, saved) {
  return h('div', {}, codesList(codes),
    h('button', { type: 'button', id: 'codes-saved', onclick: saved }, 'I have saved them'));
}

/** The card of an account with a second factor: how many codes are left, and new ones. */
export function recoveryCodesCard(main, status, withSecondFactor) {
  const renew = h('form', { novalidate: true, id: 'renew-codes' }, formAlert(),
    h('p', { id: 'codes-left' }, `${status.recoveryCodesLeft} of 10 recovery codes left.`),
    h('button', { type: 'submit' }, 'Make new recovery codes'));
  renew.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(renew);
    try {
      const renewed = await withSecondFactor(renew, () => api.post(RECOVERY_CODES));
      if (renewed) renew.replaceWith(codesList(renewed.recoveryCodes));
    } catch (error) {
      showErrors(renew, error);
    }
  });
  main.append(h('section', { class: 'card', 'aria-labelledby': 'codes-heading' },
    h('h2', { id: 'codes-heading' }, 'Recovery codes'),
    h('p', {}, 'A recovery code signs you in once when your authenticator app or passkeys are lost.'),
    renew));
}
