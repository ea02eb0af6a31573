// The passkeys part of the security screen: add one (this browser or a phone makes it), name,
// rename and remove them. Adding and removing need a login with the second factor when the
// account has one; the caller passes withSecondFactor for that. A first passkey that is the
// account's first second factor brings the recovery codes, shown this once.

import { api } from '../api.js';
import { h, field, formAlert, showErrors, clearErrors, busy, formatDate, announce } from '../dom.js';
import { createPasskey, passkeysSupported } from '../webauthn.js';
import { newCodes } from './security-codes.js';

const PASSKEYS = '/api/auth/factors/passkeys';

function passkeyItem(passkey, withSecondFactor, rerender) {
  const name = h('input', { name: 'name', value: passkey.name, maxlength: 64, required: true });
  const form = h('form', { novalidate: true, class: 'passkey', 'data-passkey-id': passkey.id }, formAlert(),
    h('p', {}, h('strong', { class: 'passkey-name' }, passkey.name),
      ` · added ${formatDate(passkey.createdAt)}, last used ${formatDate(passkey.lastUsedAt)}`),
    field('Name', name),
    h('button', { type: 'submit', class: 'rename' }, 'Rename'),
    h('button', { type: 'button', class: 'danger remove' }, 'Remove'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await busy(form, () => api.patch(`${PASSKEYS}/${encodeURIComponent(passkey.id)}`, { name: name.value.trim() }));
      announce('The passkey was renamed.');
      rerender();
    } catch (error) {
      showErrors(form, error);
    }
  });
  form.querySelector('.remove').addEventListener('click', async () => {
    clearErrors(form);
    try {
      const removed = await withSecondFactor(form,
        () => api.delete(`${PASSKEYS}/${encodeURIComponent(passkey.id)}`).then(() => true));
      if (removed) {
        announce('The passkey was removed.');
        rerender();
      }
    } catch (error) {
      showErrors(form, error);
    }
  });
  return h('li', {}, form);
}

function addForm(withSecondFactor, rerender) {
  const name = h('input', { name: 'name', maxlength: 64, required: true, value: 'This browser' });
  const form = h('form', { novalidate: true, id: 'add-passkey' }, formAlert(),
    field('Name of the new passkey', name, 'Say where it lives, such as the device or password manager.'),
    h('button', { type: 'submit' }, 'Add a passkey'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const added = await withSecondFactor(form, async () => {
        const options = await api.post(`${PASSKEYS}/options`);
        const credential = await createPasskey(options);
        return api.post(PASSKEYS, { name: name.value.trim(), credential });
      });
      if (added?.recoveryCodes) {
        form.replaceWith(h('div', {}, h('p', { class: 'success' }, `The passkey ${added.name} was added.`),
          newCodes(added.recoveryCodes, rerender)));
        announce(`The passkey ${added.name} was added. Save your recovery codes.`);
      } else if (added) {
        announce(`The passkey ${added.name} was added.`);
        rerender();
      }
    } catch (error) {
      if (error?.name === 'NotAllowedError' || error?.name === 'InvalidStateError') {
        showErrors(form, { message: 'No passkey was made: the browser was cancelled, or this device already has one.' });
      } else {
        showErrors(form, error, { credential: 'The passkey' });
      }
    }
  });
  return form;
}

/** The passkeys card. */
export async function passkeysCard(main, withSecondFactor, rerender) {
  const card = h('section', { class: 'card', 'aria-labelledby': 'passkeys-heading' },
    h('h2', { id: 'passkeys-heading' }, 'Passkeys'),
    h('p', {}, 'A passkey signs you in without a password, and stands in for the code after your password.'));
  main.append(card);
  const passkeys = await api.get(PASSKEYS);
  card.append(passkeys.length
    ? h('ul', { id: 'passkeys', class: 'plain' }, ...passkeys.map((it) => passkeyItem(it, withSecondFactor, rerender)))
    : h('p', { id: 'no-passkeys' }, 'No passkeys yet.'));
  card.append(passkeysSupported() ? addForm(withSecondFactor, rerender)
    : h('p', {}, 'This browser cannot make passkeys.'));
}
