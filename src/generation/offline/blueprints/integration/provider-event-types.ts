/**
 * A provider's real event type, and the words a request uses for it: `payment succeeded` is what
 * Stripe delivers as `payment_intent.succeeded`. Each word lists its forms (`succeed`, `succeeded`).
 */
export interface ProviderEventType {
  /** As deliveries carry it: Stripe's body `type`, GitHub's `X-GitHub-Event` header. */
  readonly deliveryType: string;
  /** Each inner list is the forms of one word; a text asks for the type when it holds one form of every word. */
  readonly words: readonly (readonly string[])[];
  /**
   * Words the text must hold negated (`without being merged`, `not planned`, `unmerged`): each inner
   * list is the forms of one word. A word the text holds only negated never asks for a type by `words`.
   */
  readonly negated?: readonly (readonly string[])[];
  /**
   * For a sender that delivers one event for many actions (GitHub's `pull_request`: opened, closed…):
   * the body's `action` this type is, and payload fields it must hold (`pull_request.merged`: true).
   */
  readonly action?: DeliveryAction;
}

/** The deliveries of one event that are one type: `pull_request` with action `closed` and `pull_request.merged` true. */
export interface DeliveryAction {
  /** The body's `action`. */
  readonly action: string;
  /** Dotted paths into the body and the value each must have. */
  readonly where?: Readonly<Record<string, boolean | string>>;
  /** The type's name, dotted like the event (`pull_request.merged`): what the message type is named from. */
  readonly name: string;
}

/** `succeed` → succeed, succeeds, succeeded, succeeding, plus the irregular forms given. */
function forms(base: string, ...irregular: string[]): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  return [base, `${base}s`, `${stem}ed`, `${stem}ing`, ...irregular];
}

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
const STRIPE: readonly ProviderEventType[] = [
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
  event('customer.created', ['customer', 'customers'], CREATED),
  event('payout.paid', ['payout', 'payouts'], ['paid', 'arrived']),
  event('payout.failed', ['payout', 'payouts'], FAILED),
];

/** GitHub's webhook events, as `X-GitHub-Event` names them (https://docs.github.com/en/webhooks/webhook-events-and-payloads). */
const GITHUB_EVENTS = [
  'push',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'issues',
  'issue_comment',
  'release',
  'create',
  'delete',
  'fork',
  'star',
  'watch',
  'workflow_run',
  'workflow_job',
  'workflow_dispatch',
  'check_run',
  'check_suite',
  'deployment',
  'deployment_status',
  'repository',
  'repository_dispatch',
  'member',
  'label',
  'milestone',
  'status',
  'discussion',
  'discussion_comment',
  'merge_group',
  'package',
  'registry_package',
  'code_scanning_alert',
  'secret_scanning_alert',
  'dependabot_alert',
  'installation',
  'ping',
];

/**
 * GitHub's events by their words, with the Events API's spelling too (`PushEvent`, `IssuesEvent`):
 * `push` asks for push; `pull request` for pull_request; `issue` for issues.
 */
const GITHUB: readonly ProviderEventType[] = GITHUB_EVENTS.map((name) => {
  const parts = name.split('_');
  return event(
    name,
    ...parts.map((part, index) => {
      const singular = part.endsWith('s') && part !== 'status' ? part.slice(0, -1) : part;
      return index === parts.length - 1
        ? [...new Set([part, singular, `${singular}s`, `${singular}event`, `${part}event`])]
        : [...new Set([part, singular, `${singular}s`])];
    }),
  );
});

/**
 * GitHub's events that carry an `action` (the payload's `action` field names what happened), so a
 * request for one thing that happened must filter on it (https://docs.github.com/en/webhooks/webhook-events-and-payloads).
 */
export const GITHUB_ACTION_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'issues',
  'issue_comment',
  'release',
  'workflow_run',
  'workflow_job',
  'check_run',
  'check_suite',
  'discussion',
  'discussion_comment',
  'label',
  'milestone',
  'member',
  'repository',
  'installation',
  'package',
  'registry_package',
  'code_scanning_alert',
  'secret_scanning_alert',
  'dependabot_alert',
  'merge_group',
  'star',
  'watch',
]);

/**
 * A GitHub event narrowed to one action (and payload fields), asked for by the event's words and the
 * action's, and by words the text must negate (`closed without being merged`).
 */
function githubAction(
  name: string,
  eventName: string,
  action: string,
  forms: readonly string[] | readonly (readonly string[])[],
  where?: Readonly<Record<string, boolean | string>>,
  negated?: readonly (readonly string[])[],
): ProviderEventType {
  const words = GITHUB.find((type) => type.deliveryType === eventName)?.words ?? [];
  // One word's forms, or several words each with its forms (`closed as completed`).
  const actionWords = forms.every((form) => typeof form === 'string')
    ? [forms as readonly string[]]
    : (forms as readonly (readonly string[])[]);
  return {
    deliveryType: eventName,
    words: [...words, ...actionWords],
    ...(negated === undefined ? {} : { negated }),
    action: { action, name, ...(where === undefined ? {} : { where }) },
  };
}

const CLOSED = forms('close');
const MERGED = forms('merge');

/**
 * The actions a request is likely to name, from GitHub's payload docs: a merged pull request is
 * `pull_request` with action `closed` and `pull_request.merged` true, one closed without merging has
 * it false; an issue closed as not planned has `issue.state_reason` `not_planned`
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads#issues); a failed workflow run is
 * `workflow_run` with action `completed` and `workflow_run.conclusion` `failure`.
 */
const GITHUB_ACTIONS: readonly ProviderEventType[] = [
  githubAction('pull_request.opened', 'pull_request', 'opened', forms('open', 'opened', 'opens', 'new')),
  githubAction('pull_request.closed', 'pull_request', 'closed', CLOSED),
  githubAction('pull_request.merged', 'pull_request', 'closed', MERGED, {
    'pull_request.merged': true,
  }),
  githubAction(
    'pull_request.closed_unmerged',
    'pull_request',
    'closed',
    CLOSED,
    { 'pull_request.merged': false },
    [MERGED],
  ),
  githubAction('pull_request.reopened', 'pull_request', 'reopened', forms('reopen')),
  githubAction(
    'issues.opened',
    'issues',
    'opened',
    forms('open', 'opened', 'opens', 'new', 'filed', 'raised'),
  ),
  githubAction('issues.closed', 'issues', 'closed', CLOSED),
  githubAction(
    'issues.closed_not_planned',
    'issues',
    'closed',
    CLOSED,
    { 'issue.state_reason': 'not_planned' },
    [['planned', 'plan']],
  ),
  githubAction(
    'issues.closed_completed',
    'issues',
    'closed',
    [CLOSED, ['completed', 'complete', 'done', 'resolved', 'fixed']],
    { 'issue.state_reason': 'completed' },
  ),
  githubAction('issues.reopened', 'issues', 'reopened', forms('reopen')),
  githubAction('release.published', 'release', 'published', forms('publish', 'published')),
  githubAction(
    'workflow_run.completed',
    'workflow_run',
    'completed',
    forms('complete', 'finished', 'finishes'),
  ),
  githubAction(
    'workflow_run.succeeded',
    'workflow_run',
    'completed',
    forms('succeed', 'success', 'successful', 'successfully', 'passed', 'passes', 'green'),
    { 'workflow_run.conclusion': 'success' },
  ),
  githubAction('workflow_run.failed', 'workflow_run', 'completed', forms('fail', 'failure', 'failures'), {
    'workflow_run.conclusion': 'failure',
  }),
];

/** Catalogues by provider name, for the providers whose event names are known. */
export const PROVIDER_EVENT_TYPES: Readonly<Record<string, readonly ProviderEventType[]>> = {
  Stripe: STRIPE,
  GitHub: [...GITHUB, ...GITHUB_ACTIONS],
};

/** Words after which the next two are negated: `without being merged`, `not planned`, `isn't merged` (`isn`, `t`). */
const NEGATORS = new Set(['not', 'without', 'never', 'no', 't', 'nor']);
const NEGATED_SPAN = 2;

/**
 * A text's words as asked and as negated: `closed without being merged` asks for closed and negates
 * being and merged; `unmerged` negates merged. Words are lowercase, split as `words-of` splits them.
 */
function polarity(words: readonly string[]): { asked: Set<string>; negated: Set<string> } {
  const asked = new Set<string>();
  const negated = new Set<string>();
  let negating = 0;
  for (const word of words) {
    if (NEGATORS.has(word)) {
      negating = NEGATED_SPAN;
      continue;
    }
    if (negating > 0) {
      negated.add(word);
      negating -= 1;
      continue;
    }
    asked.add(word);
    if (/^un[a-z]{4,}$/.test(word)) negated.add(word.slice(2));
  }
  return { asked, negated };
}

/**
 * The provider's event types a text asks for: those whose every word it holds (and every `negated`
 * word it holds negated), without those a more specific match contains (`invoice payment failed` is
 * invoice.payment_failed, not also payment_intent.payment_failed; `closed without being merged` is
 * not also every closed pull request). Words are lowercase, split as `words-of` splits them.
 */
export function providerEventTypesIn(
  words: readonly string[],
  catalogue: readonly ProviderEventType[],
): ProviderEventType[] {
  const { asked, negated } = polarity(words);
  const holds = (set: Set<string>, groups: readonly (readonly string[])[] | undefined) =>
    (groups ?? []).every((alternatives) => alternatives.some((form) => set.has(form)));
  const matched = catalogue.filter((type) => holds(asked, type.words) && holds(negated, type.negated));
  const groups = (type: ProviderEventType) => [...type.words, ...(type.negated ?? [])];
  const within = (type: ProviderEventType, other: ProviderEventType) =>
    groups(type).every((word) => groups(other).some((wider) => word.some((form) => wider.includes(form))));
  const specific = matched.filter(
    (type) => !matched.some((other) => groups(other).length > groups(type).length && within(type, other)),
  );
  const key = (type: ProviderEventType) => type.action?.name ?? type.deliveryType;
  return specific.filter((type, index) => specific.findIndex((other) => key(other) === key(type)) === index);
}
