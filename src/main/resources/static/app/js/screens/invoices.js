// The user's invoices, newest first, a page at a time; the documents themselves are on Stripe.

import { api } from '../api.js';
import { h, formatDate, formatMoney } from '../dom.js';

export function invoicesCard() {
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', hidden: true, id: 'no-invoices' }, 'No invoices yet.');
  const alert = h('div', { role: 'alert' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load() }, 'Load more');
  const table = h('table', { class: 'responsive', hidden: true },
    h('caption', { class: 'visually-hidden' }, 'Invoices'),
    h('thead', {}, h('tr', {}, ['Number', 'Date', 'Amount', 'Status', 'Documents'].map((name) => h('th', { scope: 'col' }, name)))),
    body);
  let cursor = null;

  function row(invoice) {
    const cell = (label, ...content) => h('td', { 'data-label': label }, ...content);
    const links = [];
    if (invoice.hostedInvoiceUrl) links.push(h('a', { href: invoice.hostedInvoiceUrl, target: '_blank', rel: 'noopener noreferrer' }, 'View'));
    if (invoice.invoicePdf) links.push(' ', h('a', { href: invoice.invoicePdf, target: '_blank', rel: 'noopener noreferrer' }, 'PDF'));
    return h('tr', {},
      cell('Number', invoice.number ?? '—'),
      cell('Date', formatDate(invoice.paidAt ?? invoice.createdAt)),
      cell('Amount', formatMoney(invoice.amountPaid || invoice.amountDue, invoice.currency)),
      cell('Status', invoice.status),
      cell('Documents', ...links));
  }

  async function load() {
    alert.replaceChildren();
    try {
      const query = new URLSearchParams({ limit: '10' });
      if (cursor) query.set('cursor', cursor);
      const page = await api.get(`/api/billing/invoices?${query}`);
      page.items.forEach((invoice) => body.append(row(invoice)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      table.hidden = body.children.length === 0;
      empty.hidden = body.children.length > 0;
    } catch (error) {
      alert.replaceChildren(h('p', { class: 'alert' }, error.message));
    }
  }

  load();
  return h('section', { class: 'card', 'aria-labelledby': 'invoices-heading' },
    h('h2', { id: 'invoices-heading' }, 'Invoices'), alert, h('div', { class: 'table-wrap' }, table), empty, more);
}
