import type { ProviderEventType } from './provider-event-types.js';
import { forms } from './word-forms.js';

const PAYMENT = ['payment', 'payments'];
const REFUND = ['refund', 'refunds'];
const CHARGE = ['charge', 'charges'];
const INVOICE = ['invoice', 'invoices'];
const SUBSCRIPTION = ['subscription', 'subscriptions'];
const SUCCEEDED = forms('succeed', 'success', 'successful');
const FAILED = forms('fail', 'failure', 'failures', 'declined');
const CANCELLED = forms('cancel', 'cancelled', 'cancelling', 'canceled', 'canceling', 'cancellation');
const CREATED = forms('create', 'new', 'issued', 'initiated');
const UPDATED = forms('update', 'changed');
const REFUNDED = ['refunded', 'refunding'];
const event = (deliveryType: string, ...words: string[][]): ProviderEventType => ({ deliveryType, words });

/**
 * Stripe's event types a request is likely to ask for by their words
 * (https://docs.stripe.com/api/events/types). A delivery's body carries its type in `type`.
 */
export const STRIPE_EVENT_TYPES: readonly ProviderEventType[] = [
  event('payment_intent.succeeded', PAYMENT, SUCCEEDED),
  event('payment_intent.payment_failed', PAYMENT, FAILED),
  event('payment_intent.created', PAYMENT, CREATED),
  event('payment_intent.canceled', PAYMENT, CANCELLED),
  event('payment_intent.processing', PAYMENT, ['processing', 'pending']),
  event('payment_intent.requires_action', PAYMENT, ['requires', 'require', 'needs'], ['action']),
  event('charge.refunded', PAYMENT, REFUNDED),
  event('charge.refunded', CHARGE, REFUNDED),
  event('charge.succeeded', CHARGE, SUCCEEDED),
  event('charge.failed', CHARGE, FAILED),
  event('charge.captured', CHARGE, forms('capture')),
  event('refund.created', REFUND, CREATED),
  event('refund.updated', REFUND, UPDATED),
  event('refund.failed', REFUND, FAILED),
  event(
    'charge.dispute.created',
    ['dispute', 'disputes', 'chargeback', 'chargebacks'],
    [...CREATED, 'opened'],
  ),
  event(
    'charge.dispute.closed',
    ['dispute', 'disputes', 'chargeback', 'chargebacks'],
    forms('close', 'resolved'),
  ),
  event('checkout.session.completed', ['checkout', 'checkouts'], forms('complete', 'finished')),
  event('checkout.session.expired', ['checkout', 'checkouts'], forms('expire')),
  event('invoice.paid', INVOICE, ['paid']),
  event('invoice.payment_failed', INVOICE, PAYMENT, FAILED),
  event('invoice.created', INVOICE, CREATED),
  event('invoice.finalized', INVOICE, forms('finalize', 'finalised')),
  event('customer.subscription.created', SUBSCRIPTION, [...CREATED, 'started']),
  event('customer.subscription.updated', SUBSCRIPTION, UPDATED),
  event('customer.subscription.deleted', SUBSCRIPTION, [...CANCELLED, ...forms('delete'), 'ended']),
  // Sent three days before a trial ends (https://docs.stripe.com/billing/subscriptions/trials).
  event(
    'customer.subscription.trial_will_end',
    ['trial', 'trials'],
    [...forms('end'), 'over', ...forms('expire')],
  ),
  event('customer.subscription.paused', SUBSCRIPTION, forms('pause')),
  event('customer.subscription.resumed', SUBSCRIPTION, forms('resume')),
  event('invoice.upcoming', INVOICE, ['upcoming', 'renewal', 'renewals']),
  event('invoice.payment_succeeded', INVOICE, PAYMENT, SUCCEEDED),
  event('invoice.voided', INVOICE, forms('void')),
  event('invoice.marked_uncollectible', INVOICE, ['uncollectible', 'uncollectable']),
  event('customer.created', ['customer', 'customers'], CREATED),
  event('customer.deleted', ['customer', 'customers'], forms('delete')),
  event('payout.paid', ['payout', 'payouts'], ['paid', 'arrived']),
  event('payout.failed', ['payout', 'payouts'], FAILED),
];
