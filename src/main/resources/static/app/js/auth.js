// The login of the web client: OpenID Connect authorization code with PKCE (S256) against
// Lightpress's own authorization server. Tokens live in memory only; a reload re-authorizes
// through a redirect that auth's login session answers without asking for the password.

const CLIENT_ID = 'lightpress-web';
const SCOPES = 'openid profile email';
/** localStorage: "this browser has logged in"; no token, only a reason to re-authorize silently. */
const SIGNED_IN = 'lightpress.signedIn';
/** sessionStorage, per state: the PKCE verifier and where to go back to. */
const PENDING = 'lightpress.authorize.';
const LOGOUT_STATE = 'lightpress.logout';
const AUTO_LOGIN_AT = 'lightpress.autoLoginAt';

let config = null;
let redirectUri = null;
let tokens = null;
let refreshing = null;
let refreshTimer = null;
const listeners = new Set();

function base64url(bytes) {
  let text = '';
  bytes.forEach((byte) => { text += String.fromCharCode(byte); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier) {
  if (!crypto.subtle) {
    throw new Error('Logging in needs a secure page: open Lightpress over HTTPS or on localhost.');
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function claimsOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

function form(values) {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(values),
  };
}

function emit() {
  listeners.forEach((listener) => listener(session.signedIn));
}

/** Keeps the tokens of a token response and plans the next refresh before the access token ends. */
function accept(response) {
  const lifetime = Number(response.expires_in ?? 600);
  tokens = {
    access: response.access_token,
    refresh: response.refresh_token ?? tokens?.refresh,
    id: response.id_token ?? tokens?.id,
    expiresAt: Date.now() + lifetime * 1000,
    // a call this close to the end refreshes first
    margin: Math.min(30, lifetime * 0.2) * 1000,
  };
  clearTimeout(refreshTimer);
  const early = Math.min(60, lifetime * 0.2);
  refreshTimer = setTimeout(() => session.refresh(), Math.max(5, lifetime - early) * 1000);
}

function forget() {
  const had = tokens !== null;
  tokens = null;
  clearTimeout(refreshTimer);
  if (had) emit();
}

export const session = {
  /**
   * Reads the server's discovery document. Returns false when the page must first move to the
   * public URL, the only origin the redirect URI is registered for.
   */
  async init() {
    const response = await fetch('/.well-known/openid-configuration', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('The login service of Lightpress is not available.');
    config = await response.json();
    const issuer = new URL(config.issuer);
    redirectUri = `${issuer.origin}${issuer.pathname.replace(/\/$/, '')}/app/`;
    if (issuer.origin !== location.origin) {
      location.replace(redirectUri + location.hash);
      return false;
    }
    window.addEventListener('storage', (event) => {
      // another tab logged out: this one forgets its tokens too
      if (event.key === SIGNED_IN && event.newValue === null && tokens) {
        session.revoke(tokens.refresh);
        forget();
      }
    });
    return true;
  },

  get signedIn() {
    return tokens !== null;
  },

  /** The claims of the access token: sub, email, email_verified, roles, auth_time. */
  get claims() {
    return tokens ? { ...claimsOf(tokens.id ?? ''), ...claimsOf(tokens.access) } : {};
  },

  get isAdmin() {
    return (session.claims.roles ?? []).includes('ADMIN');
  },

  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** True when this browser logged in before and did not log out: re-authorize without asking. */
  shouldResume() {
    if (localStorage.getItem(SIGNED_IN) !== '1') return false;
    // never bounce between the app and the login page: one silent attempt per half minute
    const last = Number(sessionStorage.getItem(AUTO_LOGIN_AT) ?? 0);
    return Date.now() - last > 30_000;
  },

  async resume(returnTo) {
    sessionStorage.setItem(AUTO_LOGIN_AT, String(Date.now()));
    await session.login({ returnTo });
  },

  /** Sends the browser to the authorization endpoint (auth's login page if there is no session). */
  async login({ returnTo = location.hash || '#/', maxAge, acrValues, action } = {}) {
    const verifier = randomString();
    const state = randomString();
    const parameters = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: redirectUri,
      scope: SCOPES,
      state,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
    });
    if (maxAge !== undefined) parameters.set('max_age', String(maxAge));
    if (acrValues) parameters.set('acr_values', acrValues);
    sessionStorage.setItem(PENDING + state, JSON.stringify({ verifier, returnTo, action }));
    location.assign(`${config.authorization_endpoint}?${parameters}`);
  },

  /** Exchanges the code the authorization endpoint sent back; returns where the user was going. */
  async completeLogin(query) {
    const state = query.get('state') ?? '';
    const pending = JSON.parse(sessionStorage.getItem(PENDING + state) ?? 'null');
    sessionStorage.removeItem(PENDING + state);
    if (!pending) throw new Error('That login was not started here. Please log in again.');
    if (query.has('error')) {
      throw new Error(query.get('error_description') ?? `The login did not complete (${query.get('error')}).`);
    }
    const response = await fetch(config.token_endpoint, form({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri,
      client_id: CLIENT_ID,
      code_verifier: pending.verifier,
    }));
    if (!response.ok) throw new Error('The login could not be completed. Please log in again.');
    accept(await response.json());
    localStorage.setItem(SIGNED_IN, '1');
    sessionStorage.removeItem(AUTO_LOGIN_AT);
    emit();
    return pending;
  },

  /** A valid access token, refreshed first when it is about to end. */
  async accessToken() {
    if (!tokens) throw new NotSignedIn();
    if (tokens.expiresAt - Date.now() < tokens.margin) await session.refresh();
    if (!tokens) throw new NotSignedIn();
    return tokens.access;
  },

  /**
   * Trades the refresh token for new tokens (it works once: the answer carries the next one).
   * Concurrent callers share one request. Returns false when the login is over.
   */
  refresh() {
    refreshing ??= (async () => {
      try {
        if (!tokens?.refresh) return false;
        const response = await fetch(config.token_endpoint, form({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh,
          client_id: CLIENT_ID,
        }));
        if (response.ok) {
          accept(await response.json());
          return true;
        }
        forget();
        return false;
      } catch {
        // offline: keep the tokens and try again a little later
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => session.refresh(), 15_000);
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  },

  revoke(refreshToken) {
    if (!refreshToken || !config.revocation_endpoint) return Promise.resolve();
    return fetch(config.revocation_endpoint, {
      ...form({ token: refreshToken, token_type_hint: 'refresh_token', client_id: CLIENT_ID }),
      keepalive: true,
    }).catch(() => {});
  },

  /** Revokes the refresh token, then ends auth's login session and comes back to the app. */
  async logout() {
    const ending = tokens;
    localStorage.removeItem(SIGNED_IN);
    forget();
    await session.revoke(ending?.refresh);
    if (!ending?.id || !config.end_session_endpoint) return;
    const state = randomString();
    sessionStorage.setItem(LOGOUT_STATE, state);
    const parameters = new URLSearchParams({
      id_token_hint: ending.id,
      post_logout_redirect_uri: redirectUri,
      client_id: CLIENT_ID,
      state,
    });
    location.assign(`${config.end_session_endpoint}?${parameters}`);
  },

  /** Forgets everything about the login without asking the server (the account is gone). */
  end() {
    localStorage.removeItem(SIGNED_IN);
    forget();
  },

  /** True once, when the page is the redirect back from a logout this tab started. */
  isReturnFromLogout(query) {
    const expected = sessionStorage.getItem(LOGOUT_STATE);
    sessionStorage.removeItem(LOGOUT_STATE);
    return expected !== null && query.get('state') === expected;
  },
};

/** An API call needs a login and there is none. */
export class NotSignedIn extends Error {
  constructor() {
    super('Please log in.');
  }
}
