// Plans, the current subscription and invoices. Checkout and the customer portal are Stripe's own
// pages: the API returns their URL and the browser goes there.

import { api } from '../api.js';
import { h, announce, formatDate } from '../dom.js';
import { invoicesCard } from './invoices.js';

export const title = 'Billing';

const RETURN_NOTICES = {
  'checkout=success': 'Thank you! Your subscription starts as soon as Stripe confirms the payment.',
  'checkout=canceled': 'Checkout was canceled; nothing was charged.',
  'portal=closed': 'Welcome back from the billing portal.',
};

async function optional(call) {
  try {
    return await call();
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

function describe(subscription) {
  const facts = [h('p', {}, 'Status: ', h('strong', { id: 'subscription-status' }, subscription.status.toLowerCase().replace('_', ' ')))];
  if (subscription.trialEnd) facts.push(h('p', {}, `Trial ends ${formatDate(subscription.trialEnd)}.`));
  if (subscription.currentPeriodEnd) {
    facts.push(h('p', {}, subscription.cancelAtPeriodEnd
      ? `Ends on ${formatDate(subscription.currentPeriodEnd)}; it will not renew.`
      : `Renews on ${formatDate(subscription.currentPeriodEnd)}.`));
  }
  if (subscription.pendingPlan) facts.push(h('p', {}, `Switches to ${subscription.pendingPlan} when this period ends.`));
  return facts;
}

export async function render({ main, params }) {
  const [plans, billing, entitlement, subscription] = await Promise.all([
    api.get('/api/billing/plans', { anonymous: true }),
    api.get('/api/billing/status', { anonymous: true }),
    api.get('/api/billing/entitlements'),
    optional(() => api.get('/api/billing/subscription')),
  ]);
  const state = { subscription, idempotencyKeys: new Map() };
  const alert = h('div', { role: 'alert', tabindex: '-1' });
  const status = h('p', { role: 'status' });
  const offNotice = h('div', { class: 'notice', id: 'billing-not-configured', hidden: true },
    h('h2', {}, 'Billing is not configured'),
    h('p', {}, 'This Lightpress has no Stripe key, so subscribing, changing plans and the billing portal are turned off. '
      + 'The plans below show what customers would choose from. Set LIGHTPRESS_BILLING_STRIPE_API_KEY '
      + '(and LIGHTPRESS_BILLING_STRIPE_WEBHOOK_SECRET) to turn billing on.'));
  const current = h('section', { class: 'card', 'aria-labelledby': 'current-heading' });
  const planGrid = h('div', { class: 'plans', id: 'plans' });

  function notConfigured() {
    offNotice.hidden = false;
    main.querySelectorAll('[data-money]').forEach((button) => { button.disabled = true; });
    offNotice.scrollIntoView({ block: 'nearest' });
  }

  async function money(work) {
    alert.replaceChildren();
    status.textContent = '';
    try {
      return await work();
    } catch (error) {
      if (error.status === 503) notConfigured();
      else {
        alert.replaceChildren(h('p', { class: 'alert' }, error.message));
        alert.focus();
      }
      return null;
    }
  }

  const checkout = (plan) => money(async () => {
    // the same key for repeated clicks: the API then returns the same Checkout Session
    if (!state.idempotencyKeys.has(plan.code)) state.idempotencyKeys.set(plan.code, crypto.randomUUID());
    const { url } = await api.post('/api/billing/checkout', { plan: plan.code },
      { headers: { 'Idempotency-Key': state.idempotencyKeys.get(plan.code) } });
    location.assign(url);
  });

  const portal = () => money(async () => {
    const { url } = await api.post('/api/billing/portal');
    location.assign(url);
  });

  const change = (plan) => money(async () => {
    const preview = await api.post('/api/billing/subscription/preview', { plan: plan.code });
    const amount = new Intl.NumberFormat(undefined, { style: 'currency', currency: preview.currency.toUpperCase() });
    const digits = amount.resolvedOptions().maximumFractionDigits;
    const when = preview.effective === 'now' ? 'now (prorated)' : 'at the end of this period';
    const confirm = h('div', { class: 'notice', role: 'group', 'aria-label': `Switch to ${plan.displayName}` },
      h('p', {}, `Switching to ${plan.displayName} takes effect ${when}; the next invoice is ${amount.format(preview.amountDue / 10 ** digits)}.`),
      h('div', { class: 'row' },
        h('button', { type: 'button', onclick: () => money(async () => {
          state.subscription = await api.put('/api/billing/subscription', { plan: plan.code });
          confirm.remove();
          draw();
          status.textContent = `Your plan change to ${plan.displayName} is saved.`;
        }) }, 'Confirm'),
        h('button', { type: 'button', class: 'secondary', onclick: () => confirm.remove() }, 'Keep my plan')));
    current.append(confirm);
    confirm.querySelector('button').focus();
  });

  const cancelOrResume = (resume) => money(async () => {
    state.subscription = resume
      ? await api.post('/api/billing/subscription/resume')
      : await api.delete('/api/billing/subscription');
    draw();
    announce(resume ? 'Your subscription will renew.' : 'Your subscription will end with this period.');
  });

  function planCard(plan) {
    const live = state.subscription && !['CANCELED', 'INCOMPLETE_EXPIRED'].includes(state.subscription.status);
    const mine = live ? state.subscription.plan === plan.code : entitlement.plan === plan.code;
    let action = null;
    if (mine) action = h('p', { class: 'push' }, h('strong', {}, 'Your plan'));
    else if (plan.paid && live) action = h('button', { type: 'button', class: 'push secondary', 'data-money': '', onclick: () => change(plan) }, `Switch to ${plan.displayName}`);
    else if (plan.paid) {
      action = h('button', { type: 'button', class: 'push', 'data-money': '', 'data-plan': plan.code, onclick: () => checkout(plan) },
        plan.trialDays ? `Start ${plan.trialDays}-day trial` : `Choose ${plan.displayName}`);
    }
    const limits = Object.entries(plan.limits ?? {}).map(([name, value]) => h('li', {}, `${name}: ${value}`));
    return h('article', { class: `plan${mine ? ' current' : ''}`, 'aria-label': plan.displayName },
      h('h3', {}, plan.displayName),
      h('p', { class: 'muted' }, plan.paid ? 'Paid plan' : 'Free'),
      h('ul', {}, [...plan.features].sort().map((feature) => h('li', {}, feature)), limits),
      action);
  }

  function draw() {
    const subscriptionFacts = state.subscription ? describe(state.subscription) : [h('p', {}, 'You have no subscription.')];
    const buttons = h('div', { class: 'row' });
    if (state.subscription) {
      buttons.append(h('button', { type: 'button', 'data-money': '', id: 'open-portal', onclick: portal }, 'Manage payment and invoices'));
      if (!['CANCELED', 'INCOMPLETE_EXPIRED'].includes(state.subscription.status)) {
        buttons.append(state.subscription.cancelAtPeriodEnd
          ? h('button', { type: 'button', class: 'secondary', 'data-money': '', onclick: () => cancelOrResume(true) }, 'Keep my subscription')
          : h('button', { type: 'button', class: 'secondary', 'data-money': '', onclick: () => cancelOrResume(false) }, 'Cancel at period end'));
      }
    }
    const planName = plans.find((plan) => plan.code === entitlement.plan)?.displayName ?? entitlement.plan;
    current.replaceChildren(h('h2', { id: 'current-heading' }, 'Your plan: ', h('span', { id: 'current-plan' }, planName)),
      ...subscriptionFacts, buttons);
    planGrid.replaceChildren(...plans.map(planCard));
    if (!offNotice.hidden) notConfigured();
  }

  const notice = Object.entries(RETURN_NOTICES).find(([key]) => {
    const [name, value] = key.split('=');
    return params.get(name) === value;
  });
  main.append(h('h1', { tabindex: '-1' }, 'Billing'));
  if (notice) main.append(h('p', { class: 'success', role: 'status' }, notice[1]));
  main.append(offNotice, alert, status, current,
    h('section', { class: 'card', 'aria-labelledby': 'plans-heading' }, h('h2', { id: 'plans-heading' }, 'Plans'), planGrid),
    invoicesCard());
  draw();
  if (!billing.configured) notConfigured();
}
