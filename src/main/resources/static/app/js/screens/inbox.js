// The notification inbox: newest first, page by page, updated live from the stream.

import { api } from '../api.js';
import { shell } from '../shell.js';
import { h, announce, formatTime } from '../dom.js';

export const title = 'Inbox';

export async function render({ main, signal }) {
  let unreadOnly = false;
  let cursor = null;
  const list = h('ul', { class: 'notifications', id: 'notification-list' });
  const empty = h('p', { class: 'muted', id: 'inbox-empty', hidden: true }, 'No notifications here.');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(false) }, 'Load more');
  const alert = h('div', { role: 'alert' });
  const all = h('button', { type: 'button', 'aria-pressed': 'true', onclick: () => filter(false) }, 'All');
  const onlyUnread = h('button', { type: 'button', 'aria-pressed': 'false', id: 'filter-unread', onclick: () => filter(true) }, 'Unread');
  const readAll = h('button', { type: 'button', class: 'secondary', id: 'mark-all-read', onclick: markAllRead }, 'Mark all as read');
  const heading = h('h1', { tabindex: '-1' }, 'Inbox');
  main.append(h('section', { class: 'card' },
    h('div', { class: 'spread' }, heading,
      h('div', { class: 'row' }, h('div', { class: 'tabs', role: 'group', 'aria-label': 'Show' }, all, onlyUnread), readAll)),
    alert, list, empty, more));

  function item(notification) {
    const unread = !notification.readAt;
    const actions = h('div', { class: 'actions' });
    if (notification.link?.startsWith('#/')) actions.append(h('a', { class: 'button secondary', href: notification.link }, 'Open'));
    if (unread) actions.append(h('button', { type: 'button', class: 'secondary', onclick: () => markRead(notification) }, 'Mark as read'));
    actions.append(h('button', { type: 'button', class: 'secondary', onclick: () => remove(notification) }, 'Delete',
      h('span', { class: 'visually-hidden' }, `: ${notification.title}`)));
    return h('li', { class: `notification${unread ? ' unread' : ''}`, 'data-id': notification.id },
      h('div', {},
        h('h2', { class: 'title' }, unread ? h('span', { class: 'visually-hidden' }, 'Unread: ') : null, notification.title),
        h('p', {}, notification.body),
        h('p', { class: 'meta' }, h('span', { class: 'tag' }, notification.category), formatTime(notification.createdAt))),
      actions);
  }

  async function guarded(work) {
    alert.replaceChildren();
    try {
      await work();
    } catch (error) {
      alert.replaceChildren(h('p', { class: 'alert' }, error.message));
    }
  }

  function load(reset) {
    return guarded(async () => {
      const query = new URLSearchParams({ limit: '20' });
      if (unreadOnly) query.set('unread', 'true');
      if (!reset && cursor) query.set('cursor', cursor);
      const page = await api.get(`/api/notifications?${query}`);
      if (signal.aborted) return;
      if (reset) list.replaceChildren();
      page.items.forEach((notification) => list.append(item(notification)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      empty.hidden = list.children.length > 0;
    });
  }

  function filter(unread) {
    unreadOnly = unread;
    all.setAttribute('aria-pressed', String(!unread));
    onlyUnread.setAttribute('aria-pressed', String(unread));
    return load(true);
  }

  function markRead(notification) {
    return guarded(async () => {
      const updated = await api.post(`/api/notifications/${notification.id}/read`);
      const element = list.querySelector(`[data-id="${notification.id}"]`);
      if (unreadOnly) element?.remove();
      else element?.replaceWith(item(updated));
      shell.refreshUnread();
      announce('Marked as read');
      heading.focus();
    });
  }

  function markAllRead() {
    return guarded(async () => {
      const { updated } = await api.post('/api/notifications/read-all');
      shell.refreshUnread();
      announce(`${updated} marked as read`);
      await load(true);
    });
  }

  function remove(notification) {
    return guarded(async () => {
      await api.delete(`/api/notifications/${notification.id}`);
      list.querySelector(`[data-id="${notification.id}"]`)?.remove();
      empty.hidden = list.children.length > 0;
      shell.refreshUnread();
      announce('Notification deleted');
      heading.focus();
    });
  }

  const stop = shell.onNotification((notification) => {
    if (list.querySelector(`[data-id="${notification.id}"]`)) return;
    const element = item(notification);
    element.classList.add('fresh');
    list.prepend(element);
    empty.hidden = true;
  });
  signal.addEventListener('abort', stop);
  await load(true);
}
