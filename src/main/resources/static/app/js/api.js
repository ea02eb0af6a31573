// Calls to Lightpress's HTTP API with the bearer token; failures become ApiError carrying the
// RFC 9457 problem details the API answers with.

import { session } from './auth.js';

/** A failed call: status, the problem details, and the field errors they list. */
export class ApiError extends Error {
  constructor(status, problem, response) {
    super(problem?.detail || problem?.title || `The request failed (${status}).`);
    this.status = status;
    this.problem = problem ?? {};
    this.response = response;
  }

  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/**
 * The API wants a login that is more recent than the one the token came from, or one with a
 * second factor (RFC 9470: max_age, acr_values).
 */
export class RecentLoginRequired extends ApiError {
  constructor(problem, response, maxAge, acrValues) {
    super(401, problem, response);
    this.maxAge = maxAge;
    this.acrValues = acrValues;
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

function isJson(response) {
  return /json/.test(response.headers.get('Content-Type') ?? '');
}

async function send(path, { method, body, headers, anonymous }) {
  const all = { Accept: 'application/json', ...headers };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  if (!anonymous) all.Authorization = `Bearer ${await session.accessToken()}`;
  try {
    return await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { detail: 'Lightpress cannot be reached right now. Check your connection and try again.' });
  }
}

/**
 * One call. A 401 is retried once after a refresh; one that asks for a recent login becomes
 * RecentLoginRequired. With raw, the answer is {data, response} (for ETag and other headers).
 */
export async function request(path, { method = 'GET', body, headers = {}, anonymous = false, raw = false } = {}) {
  const options = { method, body, headers, anonymous };
  let response = await send(path, options);
  if (response.status === 401 && !anonymous) {
    const challenge = response.headers.get('WWW-Authenticate') ?? '';
    if (challenge.includes('insufficient_user_authentication')) {
      const maxAge = Number(/max_age=(\d+)/.exec(challenge)?.[1] ?? 0);
      const acrValues = /acr_values="([^"]*)"/.exec(challenge)?.[1];
      throw new RecentLoginRequired(await problemOf(response), response, maxAge, acrValues);
    }
    if (await session.refresh()) response = await send(path, options);
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response), response);
  let data = null;
  if (response.status !== 204) data = isJson(response) ? await response.json() : await response.text();
  return raw ? { data, response } : data;
}

export const api = {
  get: (path, options) => request(path, { ...options, method: 'GET' }),
  post: (path, body, options) => request(path, { ...options, method: 'POST', body }),
  put: (path, body, options) => request(path, { ...options, method: 'PUT', body }),
  patch: (path, body, options) => request(path, { ...options, method: 'PATCH', body }),
  delete: (path, options) => request(path, { ...options, method: 'DELETE' }),
};
