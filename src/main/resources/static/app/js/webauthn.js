// Registering a passkey in this browser: the server's creation options (binary values in base64url)
// become navigator.credentials.create's arguments, and the new credential goes back as JSON.

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

/** Whether this browser can make passkeys at all. */
export function passkeysSupported() {
  return Boolean(window.PublicKeyCredential && navigator.credentials?.create);
}

/** Asks the browser for a new passkey and answers the credential as the API takes it. */
export async function createPasskey(options) {
  const publicKey = {
    ...options,
    challenge: bytes(options.challenge),
    user: { ...options.user, id: bytes(options.user.id) },
    excludeCredentials: (options.excludeCredentials ?? []).map((credential) => ({ ...credential, id: bytes(credential.id) })),
  };
  const credential = await navigator.credentials.create({ publicKey });
  return {
    id: credential.id,
    rawId: base64url(credential.rawId),
    type: credential.type,
    response: {
      attestationObject: base64url(credential.response.attestationObject),
      clientDataJSON: base64url(credential.response.clientDataJSON),
      transports: credential.response.getTransports?.() ?? [],
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment,
  };
}
