// Passkeys on auth's login pages. On the login page the browser offers the account's passkeys in
// the email field's autofill (conditional mediation) and behind a button; on the second step a
// button uses one after the password. Both talk to Spring Security's WebAuthn endpoints with the
// page's CSRF token; the challenge waits in the login session, which every instance shares.

const csrf = document.querySelector('input[name="_csrf"]');
const failure = document.getElementById('passkey-error');

function bytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
}

function base64url(buffer) {
  let binary = '';
  for (const b of new Uint8Array(buffer)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Sending a form (the login) renames the login session. A passkey request still under way, such as
// the challenge the autofill asks for as the page loads, would reach the server after the login
// with the old session id and start a new session, whose cookie would replace the login's and bring
// the login page back: sending a form gives such requests up first.
const pending = new AbortController();
document.addEventListener('submit', () => pending.abort(), true);

function post(path, body) {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf ? csrf.value : '' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: pending.signal,
  });
}

// One options request at a time: two at once would both add the challenge to the new session.
let previous = Promise.resolve();

function requestOptions() {
  const next = previous.catch(() => {}).then(fetchOptions);
  previous = next;
  return next;
}

async function fetchOptions() {
  const answer = await post('/webauthn/authenticate/options');
  if (!answer.ok) throw new Error(`options: ${answer.status}`);
  const options = await answer.json();
  return {
    challenge: bytes(options.challenge),
    rpId: options.rpId,
    timeout: options.timeout,
    userVerification: options.userVerification,
    allowCredentials: (options.allowCredentials || []).map((credential) => ({
      type: credential.type,
      id: bytes(credential.id),
      transports: credential.transports,
    })),
  };
}

function assertion(credential) {
  const response = credential.response;
  return {
    id: credential.id,
    rawId: base64url(credential.rawId),
    type: credential.type,
    response: {
      authenticatorData: base64url(response.authenticatorData),
      clientDataJSON: base64url(response.clientDataJSON),
      signature: base64url(response.signature),
      userHandle: response.userHandle ? base64url(response.userHandle) : null,
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment,
  };
}

async function useAPasskey(mediation, signal) {
  const publicKey = await requestOptions();
  const credential = await navigator.credentials.get({ publicKey, mediation, signal });
  if (!credential) return;
  const answer = await post('/login/webauthn', assertion(credential));
  if (!answer.ok) throw new Error(`sign-in: ${answer.status}`);
  window.location.assign((await answer.json()).redirectUrl);
}

function refused(error) {
  if (error && error.name === 'AbortError') return;
  failure.hidden = false;
}

async function start() {
  if (!window.PublicKeyCredential || !navigator.credentials) return;
  let autofill = null;
  if (document.querySelector('input[autocomplete~="webauthn"]')
      && PublicKeyCredential.isConditionalMediationAvailable
      && await PublicKeyCredential.isConditionalMediationAvailable()) {
    autofill = new AbortController();
    // a passkey the user does not pick from the autofill is no failure worth a message
    useAPasskey('conditional', autofill.signal).catch(() => {});
  }
  for (const button of document.querySelectorAll('[data-passkey]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      if (autofill) autofill.abort();
      autofill = null;
      failure.hidden = true;
      useAPasskey('optional').catch(refused);
    });
  }
}

start();
