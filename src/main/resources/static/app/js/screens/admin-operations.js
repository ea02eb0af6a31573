// For admins: what Lightpress gave up on and can do again. Emails given up on (replay sends one),
// event listeners given up on (replay runs it once), and, where modules run in several processes,
// the modules' queues with their dead-letter queues (redrive moves the messages back).

import { api } from '../api.js';
import { h, announce, formatDate } from '../dom.js';

export const title = 'Operations';

const cell = (label, ...content) => h('td', { 'data-label': label }, ...content);

function table(id, caption, columns, body) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'responsive', id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map((name) => h('th', { scope: 'col' }, name)))),
    body));
}

/** A section that loads rows, shows them, and says so when there are none. */
function section(heading, id, columns, emptyText, load, row) {
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', hidden: true }, emptyText);
  const alert = h('div', { role: 'alert', tabindex: '-1' });
  const element = h('section', { class: 'card', id: `${id}-section` },
    h('h2', {}, heading), alert, table(id, heading, columns, body), empty);
  const fail = (error) => {
    alert.replaceChildren(h('p', { class: 'alert' }, error.message));
    alert.focus();
  };
  const refresh = async () => {
    alert.replaceChildren();
    try {
      const items = await load();
      body.replaceChildren(...items.map((item) => row(item, refresh, fail)));
      empty.hidden = items.length > 0;
    } catch (error) {
      if (error.status === 404) {
        element.hidden = true;
        return;
      }
      fail(error);
    }
  };
  return { element, refresh };
}

function replayButton(label, target, work, refresh, fail) {
  return h('button', {
    type: 'button',
    class: 'secondary',
    onclick: async (event) => {
      event.currentTarget.disabled = true;
      try {
        announce(await work());
        await refresh();
      } catch (error) {
        fail(error);
      }
    },
  }, label, h('span', { class: 'visually-hidden' }, `: ${target}`));
}

export async function render({ main }) {
  const emails = section('Emails given up on', 'failed-deliveries',
    ['Recipient', 'Email', 'Attempts', 'Last error', 'Given up', 'Actions'], 'No email was given up on.',
    () => api.get('/api/admin/notifications/deliveries?status=failed&limit=100'),
    (delivery, refresh, fail) => h('tr', { 'data-id': delivery.id },
      cell('Recipient', delivery.recipient),
      cell('Email', delivery.subject, h('br'), h('span', { class: 'muted' }, delivery.template)),
      cell('Attempts', String(delivery.attempts)),
      cell('Last error', h('span', { class: 'muted' }, delivery.lastError ?? '')),
      cell('Given up', formatDate(delivery.updatedAt)),
      cell('Actions', replayButton('Send again', delivery.recipient,
        async () => {
          await api.post(`/api/admin/notifications/deliveries/${delivery.id}/replay`);
          return `The email to ${delivery.recipient} goes out again.`;
        }, refresh, fail))));

  const letters = section('Event listeners given up on', 'dead-letters',
    ['Event', 'Listener', 'Attempts', 'Given up', 'State', 'Actions'], 'No event listener was given up on.',
    () => api.get('/api/admin/dead-letters?limit=100'),
    (letter, refresh, fail) => h('tr', { 'data-id': letter.id },
      cell('Event', letter.eventType.split('.').pop(),
        h('details', {}, h('summary', {}, 'Event'), h('pre', {}, letter.event))),
      cell('Listener', h('span', { class: 'muted' }, letter.listenerId)),
      cell('Attempts', String(letter.attempts)),
      cell('Given up', formatDate(letter.deadAt)),
      cell('State', letter.replayedAt ? `replayed ${formatDate(letter.replayedAt)}` : 'waiting'),
      cell('Actions', letter.replayedAt ? '' : replayButton('Replay', letter.eventType, async () => {
        await api.post(`/api/admin/dead-letters/${letter.id}/replay`);
        return 'The event listener runs again.';
      }, refresh, fail))));

  const queues = section('Queues between processes', 'queues',
    ['Module', 'Waiting', 'In flight', 'Dead letters', 'Actions'], 'No queues.',
    () => api.get('/api/admin/queues'),
    (queue, refresh, fail) => h('tr', { 'data-id': queue.module },
      cell('Module', queue.module, h('br'), h('span', { class: 'muted' }, queue.queue)),
      cell('Waiting', String(queue.waiting)),
      cell('In flight', String(queue.inFlight)),
      cell('Dead letters', String(queue.deadLetters)),
      cell('Actions', queue.deadLetters === 0 ? '' : replayButton('Redrive', queue.module, async () => {
        const result = await api.post(`/api/admin/queues/${queue.module}/redrive`);
        return `${result.messages} messages went back to the ${queue.module} queue.`;
      }, refresh, fail))));

  main.append(h('section', { class: 'card' },
    h('h1', { tabindex: '-1' }, 'Operations'),
    h('p', { class: 'muted' },
      'What Lightpress retried for a day and then gave up on. Fix the cause first (SMTP, Stripe, '
      + 'another service), then send or replay; doing it twice does it once.')),
    emails.element, letters.element, queues.element);
  await Promise.all([emails.refresh(), letters.refresh(), queues.refresh()]);
}
