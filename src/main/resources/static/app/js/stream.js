// The live notification stream: Server-Sent Events read with fetch and a stream reader, because
// the stream needs the bearer header and EventSource cannot send one. It reconnects with
// exponential backoff and Last-Event-ID, so the server replays what this tab missed.

import { session } from './auth.js';

const FIRST_DELAY = 1_000;
const LONGEST_DELAY = 30_000;

/** Opens the stream and calls onNotification(json) for each new notification until stopped. */
export function openStream({ onNotification, onConnected = () => {} }) {
  const controller = new AbortController();
  let lastEventId = null;
  let failures = 0;

  async function connectOnce() {
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${await session.accessToken()}` };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch('/api/notifications/stream', { headers, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401) {
      await session.refresh();
      throw new Error('stream refused the token');
    }
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    failures = 0;
    onConnected();
    await readEvents(response.body, (event) => {
      if (event.id) lastEventId = event.id;
      if (event.type === 'notification' && event.data) onNotification(JSON.parse(event.data));
    });
  }

  async function run() {
    while (!controller.signal.aborted && session.signedIn) {
      try {
        await connectOnce();
      } catch {
        failures += 1;
      }
      if (controller.signal.aborted || !session.signedIn) return;
      // a stream the server ended normally (timeout, shutdown) reconnects soon; failures back off
      const delay = Math.min(LONGEST_DELAY, FIRST_DELAY * 2 ** failures) * (0.75 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  run();
  return { stop: () => controller.abort() };
}

/** Parses the text/event-stream format: fields per line, an empty line ends an event. */
async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { type: 'message', data: [], id: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (event.data.length) dispatch({ type: event.type, data: event.data.join('\n'), id: event.id });
        event = { type: 'message', data: [], id: null };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') event.type = text;
      else if (name === 'data') event.data.push(text);
      else if (name === 'id') event.id = text;
    }
  }
}
