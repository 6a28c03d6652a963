import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestPayload } from '../../../../src/core/request/execution-request.js';
import { DEPLOYMENT_STRATEGIES, TASK_TYPES } from '../../../../src/core/request/execution-request.js';
import { requestFor } from '../offline-test-requests.js';
import { review11fCases } from './review11f-cases.js';
import { review11fIntegrationCases } from './review11f-integration-cases.js';
import { review11hCases } from './review11h-cases.js';
import { review11iCases } from './review11i-cases.js';
import { fix11Cases } from './fix11-cases.js';
import { h11InfraCases } from './h11-infra-cases.js';
import { apps11Cases } from './apps11-cases.js';
import { apps11kCases } from './apps11k-cases.js';
import { fix11oCases } from './fix11o-cases.js';
import { balance11Cases } from './balance11-cases.js';
import { fix11bCases } from './fix11b-cases.js';
import { fix11mCases } from './fix11m-cases.js';
import { fix11rCases } from './fix11r-cases.js';
import { fix13aCases } from './fix13a-cases.js';
import { fix13eCases } from './fix13e-cases.js';
import { fix14cCases } from './fix14c-cases.js';
import { fix14dCases } from './fix14d-cases.js';
import { fix15eCases } from './fix15e-cases.js';

/** One generated project of the matrix: a request, and for mutants the edit that must break named tests. */
export interface MatrixCase {
  readonly id: string;
  readonly request: RequestPayload;
  /** A deliberate fault: `file` (relative to the service folder) has `find` replaced by `replace`. */
  readonly mutation?: {
    readonly file: string;
    readonly find: string;
    readonly replace: string;
    readonly breaks: readonly string[];
  };
}

const ORDER_STORIES = [
  'As a customer I can place an order with one or more items',
  'As a customer I can see the status of my order',
  'As a customer I can cancel an order that has not shipped',
  "As a support agent I can list a customer's orders",
];
const STOCK_STORIES = [
  'As a warehouse manager I can add a product with a sku, a name, a quantity and a reorder threshold',
  'As warehouse staff I can update the quantity of a product',
  "As warehouse staff I can see a product's stock level",
  'As a warehouse manager I can list the products of a warehouse',
  'As a warehouse manager I can discontinue a product that is not already discontinued',
  'As a warehouse manager I can recall a product',
  'As warehouse staff I can restock a product that has not been recalled',
];
/** A platform team's log bucket: two storage-class moves, an expiry apart from the retention, a period for old versions. */
const LOG_ARCHIVE = requestFor({
  taskType: 'infrastructure',
  taskName: 'Log Archive',
  description:
    'An S3 bucket for application logs. Objects transition to Standard-IA after 30 days and to Glacier Deep Archive after 180 days. Objects are deleted after 400 days. Noncurrent versions expire after 30 days.',
  stories: ['As a compliance officer I know logs are kept for at least 365 days'],
  strategy: 'blue-green',
});
/** A support desk a new user wrote (#11): a named state, a child resource, something sent to people, fields in the description. */
const DESK = requestFor({
  taskType: 'application',
  taskName: 'Support Desk',
  description: 'A help desk for support tickets. Each ticket has an assignee and a priority.',
  stories: [
    'As a customer I can open a ticket with a subject and a description',
    'As an agent I can mark a ticket in progress',
    'As an agent I can resolve a ticket that is not in progress',
    'As a customer I can comment on a ticket with a body',
    "As an agent I can list a ticket's comments",
    'As a customer I am alerted when my ticket is resolved',
    'As a manager I receive a weekly report',
  ],
  strategy: 'linear',
});
/** A third new user's desk and orders (#11): an owner's field changed, a closed ticket reopened, a lifecycle listed in order. */
const DESK_AND_LIFECYCLE = [
  requestFor({
    taskType: 'application',
    taskName: 'Helpdesk',
    description: 'Each ticket has a subject, a priority and an assignee.',
    stories: [
      'As a customer I can open a ticket with a subject',
      'As an agent I can close a ticket',
      'As a customer I can reopen a closed ticket',
      "As an agent I can change a ticket's priority",
    ],
  }),
  requestFor({
    taskType: 'application',
    taskName: 'Orders Service',
    description: 'Orders with a status lifecycle: placed, paid, shipped, delivered, cancelled.',
    stories: [
      'As a customer I can place an order with a list of line items',
      'As a customer I can pay for an order',
      'As a warehouse worker I can mark an order as shipped',
      'As a courier I can mark an order as delivered',
      'As a customer I can cancel an order that has not shipped',
      'As a customer I can update the delivery address of an order that has not shipped',
    ],
    strategy: 'blue-green',
  }),
];
/** GitHub webhooks: the receiver reads X-GitHub-Event and X-GitHub-Delivery. */
const GITHUB = requestFor({
  taskType: 'integration',
  taskName: 'GitHub Events',
  description:
    'Receive GitHub webhooks and verify the X-Hub-Signature-256 signature. Forward each accepted delivery to an EventBridge bus as a GitHubDelivery event.',
  stories: ['As a platform team I can see each delivery once on the bus'],
});
/** Stripe webhooks asked for in words (#11): real deliveries carry payment_intent.succeeded, refund.created. */
const STRIPE = requestFor({
  taskType: 'integration',
  taskName: 'Stripe Payments',
  description: 'Receive Stripe webhooks and put payment events on the payments event bus.',
  stories: [
    'As billing I learn when a payment succeeded',
    'As billing I learn when a refund is created',
    'As support I learn when a payment failed',
  ],
});
/** A desk whose stories qualify a delete by state and assign to the caller (#11). */
const DESK_QUALIFIED = requestFor({
  taskType: 'application',
  taskName: 'Helpdesk',
  description: 'Each ticket has a subject, a priority and an assignee.',
  stories: [
    'As a customer I can open a ticket with a subject',
    'As an agent I can close a ticket',
    'As an agent I can assign a ticket to myself',
    'As a manager I can delete a closed ticket',
  ],
});
/** GitHub webhooks by the Events API's names: X-GitHub-Event carries push and pull_request. */
const GITHUB_NAMED = requestFor({
  taskType: 'integration',
  taskName: 'Repo Events',
  description:
    'Receive GitHub webhooks for PushEvent and PullRequestEvent events and put them on the repo event bus.',
  stories: ['As a platform team I see each push once'],
});
/** Role restrictions on every verb, and lists filtered by a state and by a field (#11, first hour F1/F2). */
const ADMIN_EVERY_VERB = requestFor({
  taskType: 'application',
  taskName: 'Catalog Admin',
  stories: [
    'As an admin I can add a product with a name',
    'As an admin I can list products',
    'As an admin I can view a product',
    'As an administrator I can update a product',
    'As a moderator I can discontinue a product',
    'As an admin I can add a note to a product',
    'As an admin I can list the notes of a product',
    'As a clerk I can list discontinued products',
    'As a clerk I can list products by category',
  ],
});
/** GitHub events narrowed to an action: a merged pull request, an opened issue, a failed workflow run. */
const GITHUB_ACTIONS = requestFor({
  taskType: 'integration',
  taskName: 'Repo Activity',
  description: 'Receive GitHub webhooks and put them on the repo event bus.',
  stories: [
    'As a platform team I learn when a pull request is merged',
    'As a platform team I learn when an issue is opened',
    'As a platform team I learn when a workflow run fails',
    'As a platform team I learn when someone comments on an issue',
  ],
});
/** Review 11's model stories: the caller's own, a named filter value, a reopen, "before it ships", a two-word field. */
const MODEL_STORIES = [
  requestFor({
    taskType: 'application',
    taskName: 'Helpdesk',
    description: 'Each ticket has a subject, a priority and an assignee.',
    stories: [
      'As a customer I can open a ticket with a subject',
      'As an agent I can assign a ticket to myself',
      'As an agent I can list tickets assigned to me',
      'As an agent I can list high priority tickets',
      'As an agent I can close a ticket',
      'As an agent I can reopen a ticket',
      'As an agent I can list open tickets',
    ],
  }),
  requestFor({
    taskType: 'application',
    taskName: 'Shop',
    description: 'Orders have a total amount and a shipping address.',
    stories: [
      'As a customer I can place an order',
      'As a warehouse worker I can ship an order',
      'As a customer I can change the shipping address of an order that has not shipped',
      'As a customer I can cancel my order before it ships',
      'As a clerk I can archive an order',
      'As a clerk I can restore an order',
    ],
    strategy: 'canary',
  }),
];
/** Review 11's events, channels and links (#11 items 2, 8): named events read from their clause, a channel, a URL. */
const REVIEW11_EVENTS = {
  githubQualified: requestFor({
    taskType: 'integration',
    taskName: 'Repo Closures',
    description:
      'Receive GitHub webhooks and put a PullRequestClosed event on the bus when a pull request is closed without being merged. Put an IssueDropped event on the bus when an issue is closed as not planned.',
  }),
  stripeNamed: requestFor({
    taskType: 'integration',
    taskName: 'Stripe Settlements',
    description:
      'Receive Stripe webhooks and put a PaymentSettled event on the bus when a payment intent succeeds and a PaymentRefunded event when a charge is refunded.',
  }),
  namedMessages: requestFor({
    taskType: 'integration',
    taskName: 'Order Queue',
    description:
      'Consume OrderPlaced messages from a queue, retry failed messages 3 times, then move them to a dead-letter queue.',
    stories: ['As the warehouse I receive every OrderPlaced message exactly once'],
  }),
  emailed: requestFor({
    taskType: 'infrastructure',
    taskName: 'Audit Bucket',
    description: 'An S3 bucket for audit records. Text me when a record is deleted.',
    stories: ['As an auditor I get an email at audit@example.com when a record lands'],
  }),
  url: requestFor({
    taskType: 'testing',
    taskName: 'Orders API checks',
    description: 'Check the Orders API at https://api.example.com: POST /orders returns 201.',
  }),
};
/** Review 11e: events read from the story's condition, payload-narrowed GitHub events, list asides, compared fields. */
const REVIEW11E = {
  github: requestFor({
    taskType: 'integration',
    taskName: 'Repo Activity Relay',
    description: 'Receive GitHub webhooks. Publish a ReleaseDrafted event when a release is drafted.',
    stories: [
      'As a release manager I receive an event when a tag is pushed',
      'As an SRE I receive an event when a deployment fails',
    ],
  }),
  stripe: requestFor({
    taskType: 'integration',
    taskName: 'Billing Relay',
    description: 'Receive Stripe webhooks and publish a PaymentSettled event when a payment intent succeeds.',
    stories: [
      'As billing I get a TrialEnding event 3 days before a trial ends',
      'As finance I see every refund that is created',
    ],
  }),
  expenses: requestFor({
    taskType: 'application',
    taskName: 'Expense Approvals',
    description: 'Each expense has an amount. Expenses move through submitted, approved, paid.',
    stories: [
      'As an employee I can submit an expense with an amount',
      'As a manager I can approve an expense until it is paid',
      'As an employee I can withdraw my expense before it is approved',
      'As finance I can list expenses that are approved',
      'As finance I can list expenses submitted this week',
    ],
  }),
  unassigned: requestFor({
    taskType: 'application',
    taskName: 'Dispatch Desk',
    description: 'Each ticket has a subject and an assignee.',
    stories: [
      'As a customer I can open a ticket with a subject',
      'As an agent I can assign a ticket to myself',
      'As an agent I can list unassigned tickets',
      'As an agent I can list tickets assigned to me',
    ],
  }),
  inventory: requestFor({
    taskType: 'application',
    taskName: 'Stock Levels',
    description: 'Each product has a sku, a quantity, a reorder level and a supplier reference number.',
    stories: [
      'As a warehouse manager I can add a product with a sku and a quantity',
      'As a buyer I can list products whose quantity is below the reorder level',
      'As a buyer I can list products sorted by quantity',
    ],
  }),
};
const DESCRIPTION =
  "Orders stored in DynamoDB behind an HTTP API, an event published when an order's status changes.";
const EXAMPLES_DIR = join(process.cwd(), 'examples');

/** Every blueprint × every strategy (and none), every shipped example, defaults, a hostile request, and mutants. */
export function matrixCases(): MatrixCase[] {
  const strategies = [undefined, ...DEPLOYMENT_STRATEGIES];
  const cells = TASK_TYPES.flatMap((taskType) =>
    strategies.map((strategy) => ({
      id: `${taskType}-${strategy ?? 'none'}`,
      request: requestFor({
        taskType,
        taskName: 'Orders API',
        stories: ORDER_STORIES,
        description: DESCRIPTION,
        ...(strategy === undefined ? {} : { strategy }),
      }),
    })),
  );
  const examples = readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.request.json'))
    .map((name) => ({
      id: `example-${name.replace('.request.json', '')}`,
      request: JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')) as RequestPayload,
    }));
  const defaults = TASK_TYPES.map((taskType) => ({
    id: `${taskType}-defaults`,
    request: requestFor({ taskType, taskName: 'Catalog API', environment: 'production' }),
  }));
  const inventory = {
    id: 'application-inventory',
    request: requestFor({
      taskType: 'application',
      taskName: 'Inventory Service',
      stories: [
        'As a clerk I can add a product',
        'As a clerk I can update a product',
        'As a clerk I can list products',
        'As a manager I can remove a product',
        'As a buyer I can browse the catalogue',
      ],
    }),
  };
  // Stories a new user wrote: a field list with commas, a list of one resource by another, an
  // attribute of a resource read through its owner, a refusal from the status the route itself sets,
  // and one from a status another route sets.
  const stock = {
    id: 'application-stock',
    request: requestFor({
      taskType: 'application',
      taskName: 'Stock Service',
      stories: STOCK_STORIES,
      description: 'When a quantity falls below its threshold a low-stock alert is sent.',
      strategy: 'linear',
    }),
  };
  const hostile = {
    id: 'application-hostile',
    request: requestFor({
      taskType: 'application',
      taskName: '"; rm -rf / # `whoami` ${process.exit(1)} */',
      stories: ["As a user I can */ process.exit(1) /* '); require('child_process')\u2028evil() an order"],
      strategy: 'linear',
    }),
  };
  const logArchive = { id: 'infrastructure-log-archive', request: LOG_ARCHIVE };
  const desk = { id: 'application-support-desk', request: DESK };
  const github = { id: 'integration-github', request: GITHUB };
  return [
    ...cells,
    ...examples,
    ...defaults,
    inventory,
    stock,
    hostile,
    logArchive,
    desk,
    github,
    { id: 'application-helpdesk-reopen', request: DESK_AND_LIFECYCLE[0]! },
    { id: 'application-orders-lifecycle', request: DESK_AND_LIFECYCLE[1]! },
    { id: 'integration-stripe', request: STRIPE },
    { id: 'application-desk-qualified', request: DESK_QUALIFIED },
    { id: 'integration-github-named-events', request: GITHUB_NAMED },
    { id: 'application-admin-every-verb', request: ADMIN_EVERY_VERB },
    { id: 'integration-github-actions', request: GITHUB_ACTIONS },
    { id: 'application-helpdesk-assigned-to-me', request: MODEL_STORIES[0]! },
    { id: 'application-shop-before-it-ships', request: MODEL_STORIES[1]! },
    { id: 'integration-github-qualified', request: REVIEW11_EVENTS.githubQualified },
    { id: 'integration-stripe-named', request: REVIEW11_EVENTS.stripeNamed },
    { id: 'integration-named-messages', request: REVIEW11_EVENTS.namedMessages },
    { id: 'infrastructure-emailed', request: REVIEW11_EVENTS.emailed },
    { id: 'testing-url', request: REVIEW11_EVENTS.url },
    { id: 'integration-github-tags-deployments', request: REVIEW11E.github },
    { id: 'integration-stripe-trial-refund', request: REVIEW11E.stripe },
    { id: 'application-expenses-lifecycle', request: REVIEW11E.expenses },
    { id: 'application-stock-levels', request: REVIEW11E.inventory },
    { id: 'application-unassigned', request: REVIEW11E.unassigned },
    ...review11fReleaseCases(),
    ...review11fCases(),
    ...review11fIntegrationCases(),
    ...review11hCases(),
    ...review11iCases(),
    ...fix11Cases(),
    ...h11InfraCases(),
    ...apps11Cases(),
    ...apps11kCases(),
    ...fix11oCases(),
    ...balance11Cases(),
    ...fix11bCases(),
    ...fix11mCases(),
    ...fix11rCases(),
    ...fix13aCases(),
    ...fix13eCases(),
    ...fix14cCases(),
    ...fix14dCases(),
    ...fix15eCases(),
    ...mutants(),
  ];
}

/** Review 11f: a custom release config, routes spelled in the description, alert actions, conditions as types. */
function review11fReleaseCases(): MatrixCase[] {
  return [
    {
      id: 'deployment-custom-linear',
      request: requestFor({
        taskType: 'deployment',
        taskName: 'Orders Release',
        strategy: 'linear',
        description: 'Release the orders function with a linear rollout, 25 percent every 4 minutes.',
      }),
    },
    {
      id: 'testing-spelled-routes',
      request: requestFor({
        taskType: 'testing',
        taskName: 'Payments Contract',
        description:
          'POST /payments with an amount and a currency returns 201 and an id. GET /payments/{id} returns 404 for an unknown id.',
        stories: ['As an SRE I am alerted when a contract test fails'],
      }),
    },
    {
      // A path's query string and camelCase body fields go into src/checks.ts as written (fix 11n).
      id: 'testing-spelled-query-routes',
      request: requestFor({
        taskType: 'testing',
        taskName: 'Loans Contract',
        description:
          'Checks for https://loans.example.com. GET /loans?status=overdue&page=2 returns 200. POST /loans with a memberId and a book ISBN returns 201.',
      }),
    },
    {
      id: 'integration-github-alerts',
      request: requestFor({
        taskType: 'integration',
        taskName: 'Security Signals',
        description: 'Receive GitHub webhooks and put events on an EventBridge bus.',
        stories: ['As a security engineer I receive an event when a secret scanning alert is created'],
      }),
    },
    {
      id: 'integration-shopify-conditions',
      request: requestFor({
        taskType: 'integration',
        taskName: 'Shopify Orders',
        description:
          'Receive Shopify webhooks, verify the HMAC, and publish events on the orders EventBridge bus.',
        stories: [
          'As fulfilment I receive an event when an order is paid',
          'As marketing I receive an event when a customer is created',
          'As finance I receive an email when the nightly report is ready',
        ],
      }),
    },
  ];
}

/** Faults the generated tests must catch: each names the tests that fail once the fault is in. */
function mutants(): MatrixCase[] {
  const orders = JSON.parse(
    readFileSync(join(EXAMPLES_DIR, 'orders-api.request.json'), 'utf8'),
  ) as RequestPayload;
  const archive = JSON.parse(
    readFileSync(join(EXAMPLES_DIR, 'event-archive-bucket.request.json'), 'utf8'),
  ) as RequestPayload;
  const webhook = JSON.parse(
    readFileSync(join(EXAMPLES_DIR, 'payments-webhook.request.json'), 'utf8'),
  ) as RequestPayload;
  const tickets = JSON.parse(
    readFileSync(join(EXAMPLES_DIR, 'support-tickets.request.json'), 'utf8'),
  ) as RequestPayload;
  const merged =
    'a pull_request webhook is PullRequestMerged only with action closed and pull_request.merged true';
  // A canary released canary: its pre-traffic hook must fail the release on a failed check, not only on an error.
  const canary = requestFor({
    taskType: 'testing',
    taskName: 'Orders API',
    stories: ORDER_STORIES,
    description: DESCRIPTION,
    strategy: 'canary',
  });
  return [
    {
      id: 'mutant-canary-hook-ignores-failed-checks',
      request: canary,
      mutation: {
        file: 'src/pre-traffic.ts',
        find: '.filter((result) => result.ok !== true)',
        replace: '.filter(() => false)',
        breaks: ['reports Failed when a check of the new version fails'],
      },
    },
    {
      id: 'mutant-list-without-filters',
      request: tickets,
      mutation: {
        file: 'src/routes.ts',
        find: ", filters: [{ field: 'status', values: ['open', 'closed'] }, { field: 'priority' }]",
        replace: '',
        breaks: ['story 3 list open tickets', 'story 4 list tickets'],
      },
    },
    {
      id: 'mutant-filter-not-applied',
      request: tickets,
      mutation: {
        file: 'src/app.ts',
        find: '...(Object.keys(where).length === 0 ? {} : { where }),',
        replace: '',
        breaks: ['story 3 list open tickets', 'story 4 list tickets'],
      },
    },
    {
      id: 'mutant-admin-unchecked',
      request: tickets,
      mutation: {
        file: 'src/routes.ts',
        find: ", roles: ['admin']",
        replace: '',
        breaks: ['story 5 delete ticket'],
      },
    },
    {
      id: 'mutant-any-closed-pull-request',
      request: GITHUB_ACTIONS,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "where: { 'pull_request.merged': true }, ",
        replace: '',
        breaks: [merged],
      },
    },
    {
      id: 'mutant-action-ignored',
      request: GITHUB_ACTIONS,
      mutation: {
        file: 'src/receive-webhook.ts',
        find: "(entry.action === undefined || entry.action === fields['action']) && ",
        replace: '',
        breaks: [merged, 'an issues webhook is IssuesOpened only with action opened'],
      },
    },
    {
      id: 'mutant-no-status-events',
      request: orders,
      mutation: {
        file: 'src/app.ts',
        find: 'await deps.statusEvents.publish(change);',
        replace: '',
        breaks: ['every order status change is published'],
      },
    },
    {
      id: 'mutant-cancel-shipped',
      request: orders,
      mutation: {
        file: 'src/routes.ts',
        find: ", refusedFrom: ['shipped']",
        replace: '',
        breaks: ['story 3 cancel order'],
      },
    },
    {
      id: 'mutant-assigned-to-anyone',
      request: MODEL_STORIES[0]!,
      mutation: {
        file: 'src/app.ts',
        find: 'if (caller === true && value === CALLER_VALUE) {',
        replace: "if (caller === true && value === 'nobody') {",
        breaks: ['story 3 list tickets assigned'],
      },
    },
    {
      id: 'mutant-reopened-apart',
      request: MODEL_STORIES[0]!,
      mutation: {
        file: 'src/model.ts',
        find: "'reopen': 'open'",
        replace: "'reopen': 'reopened'",
        breaks: ['story 6 reopen ticket'],
      },
    },
    {
      id: 'mutant-cancel-after-it-ships',
      request: MODEL_STORIES[1]!,
      mutation: {
        file: 'src/routes.ts',
        find: "action: 'cancel', refusedFrom: ['shipped']",
        replace: "action: 'cancel'",
        breaks: ['story 4 cancel order'],
      },
    },
    {
      id: 'mutant-restock-recalled',
      request: requestFor({ taskType: 'application', taskName: 'Stock Service', stories: STOCK_STORIES }),
      mutation: {
        file: 'src/routes.ts',
        find: ", refusedFrom: ['recalled']",
        replace: '',
        breaks: ['story 7 restock product'],
      },
    },
    {
      id: 'mutant-update-ignores-field',
      request: requestFor({ taskType: 'application', taskName: 'Stock Service', stories: STOCK_STORIES }),
      mutation: {
        file: 'src/app.ts',
        find: 'fields: { ...existing.fields, ...check.fields }',
        replace: 'fields: { ...existing.fields }',
        breaks: ['story 2 update quantity product'],
      },
    },
    {
      id: 'mutant-comment-without-ticket',
      request: DESK,
      mutation: {
        file: 'src/app.ts',
        find: "return (id === '' ? undefined : await call.deps.repository.get(parent.collection, id)) ?? null;",
        replace: "return { id, version: 1, createdAt: '', updatedAt: '', fields: {} };",
        breaks: ['comment is made and listed only under a ticket that exists'],
      },
    },
    {
      id: 'mutant-github-delivery-ignored',
      request: GITHUB,
      mutation: {
        file: 'src/receive-webhook.ts',
        find: 'const delivery = deps.deliveryHeader === undefined ? undefined : event.headers?.[deps.deliveryHeader];',
        replace: 'const delivery = undefined as string | undefined;',
        breaks: ['a GitHub delivery is typed by its event header and deduplicated by its delivery id header'],
      },
    },
    {
      id: 'mutant-stripe-names-mismapped',
      request: STRIPE,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "'payment_intent.succeeded': 'PaymentIntentSucceeded', ",
        replace: "'payment_intent.succeeded': 'RefundCreated', ",
        breaks: ['a payment_intent.succeeded webhook becomes a PaymentIntentSucceeded event on the bus'],
      },
    },
    {
      id: 'mutant-stripe-any-timestamp',
      request: STRIPE,
      mutation: {
        file: 'src/signature.ts',
        find: 'if (Math.abs(now - Number(timestamp)) > TOLERANCE_SECONDS) return false;',
        replace: '',
        breaks: [
          'a Stripe signature is checked the Stripe way: v1 over t.body and refused more than 300 s from now',
        ],
      },
    },
    {
      id: 'mutant-stripe-body-only',
      request: STRIPE,
      mutation: {
        file: 'src/signature.ts',
        find: "update(timestamp + '.' + params.body, 'utf8')",
        replace: "update(params.body, 'utf8')",
        breaks: [
          'a Stripe signature is checked the Stripe way: v1 over t.body and refused more than 300 s from now',
        ],
      },
    },
    {
      id: 'mutant-github-header-names-unmapped',
      request: GITHUB_NAMED,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "'pull_request': 'PullRequestEvent'",
        replace: "'pull-request': 'PullRequestEvent'",
        breaks: ['a pull_request webhook becomes a PullRequestEvent event on the bus'],
      },
    },
    {
      id: 'mutant-merged-pull-request-taken',
      request: REVIEW11_EVENTS.githubQualified,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "where: { 'pull_request.merged': false }, ",
        replace: '',
        breaks: [
          'a pull_request webhook is PullRequestClosed only with action closed and pull_request.merged false',
        ],
      },
    },
    {
      id: 'mutant-any-ref-created',
      request: REVIEW11E.github,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "where: { 'ref_type': 'tag' }, ",
        replace: '',
        breaks: ['a create webhook is CreateTag only with ref_type tag'],
      },
    },
    {
      id: 'mutant-deployment-error-dropped',
      request: REVIEW11E.github,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "['failure', 'error']",
        replace: "['failure']",
        breaks: [
          'a deployment_status webhook is DeploymentStatusFailed only with action created and deployment_status.state failure or error',
        ],
      },
    },
    {
      id: 'mutant-draft-flag-ignored',
      request: REVIEW11E.github,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "where: { 'release.draft': true }, ",
        replace: '',
        breaks: ['a release webhook is ReleaseDrafted only with action created and release.draft true'],
      },
    },
    {
      id: 'mutant-withdraw-paid',
      request: REVIEW11E.expenses,
      mutation: {
        file: 'src/routes.ts',
        find: "refusedFrom: ['approved', 'paid']",
        replace: "refusedFrom: ['approved']",
        breaks: ['story 3 withdraw expense'],
      },
    },
    {
      id: 'mutant-unassigned-not-filtered',
      request: REVIEW11E.unassigned,
      mutation: {
        file: 'src/routes.ts',
        find: ', missing: true',
        replace: '',
        breaks: ['story 3 list unassigned tickets'],
      },
    },
    {
      id: 'mutant-absent-ignored',
      request: REVIEW11E.unassigned,
      mutation: {
        file: 'src/item-repository.ts',
        find: ' && (query.absent ?? []).every((name) => item.fields[name] === undefined)',
        replace: '',
        breaks: ['story 3 list unassigned tickets'],
      },
    },
    {
      id: 'mutant-reorder-level-text',
      request: REVIEW11E.inventory,
      mutation: {
        file: 'src/model.ts',
        find: "{ name: 'reorderLevel', type: 'number', required: false }",
        replace: "{ name: 'reorderLevel', type: 'string', required: false }",
        breaks: ['story 1 add product'],
      },
    },
    {
      id: 'mutant-stripe-named-unmapped',
      request: REVIEW11_EVENTS.stripeNamed,
      mutation: {
        file: 'src/webhook-provider.ts',
        find: "'charge.refunded': 'PaymentRefunded'",
        replace: "'charge.refunded': 'PaymentSettled'",
        breaks: ['a charge.refunded webhook becomes a PaymentRefunded event on the bus'],
      },
    },
    {
      id: 'mutant-nobody-emailed',
      request: REVIEW11_EVENTS.emailed,
      mutation: {
        file: 'template.yaml',
        find: 'Protocol: email',
        replace: 'Protocol: sms',
        breaks: ['the topic emails NotificationEmail only when an address is set'],
      },
    },
    {
      id: 'mutant-delete-any-ticket',
      request: DESK_QUALIFIED,
      mutation: {
        file: 'src/routes.ts',
        find: ", onlyIn: ['closed']",
        replace: '',
        breaks: ['story 4 delete closed ticket'],
      },
    },
    {
      id: 'mutant-assign-nobody',
      request: DESK_QUALIFIED,
      mutation: {
        file: 'src/routes.ts',
        find: ", callerField: 'assignee'",
        replace: '',
        breaks: ['story 3 assign ticket'],
      },
    },
    {
      id: 'mutant-no-glacier',
      request: archive,
      mutation: {
        file: 'template.yaml',
        find: 'StorageClass: GLACIER',
        replace: 'StorageClass: STANDARD_IA',
        breaks: ['objects move to GLACIER after 90 days'],
      },
    },
    {
      id: 'mutant-expiry-at-retention',
      request: LOG_ARCHIVE,
      mutation: {
        file: 'template.yaml',
        find: 'ExpirationInDays: 400',
        replace: 'ExpirationInDays: 365',
        breaks: ['every object expires 400 days after it was written'],
      },
    },
    {
      id: 'mutant-any-signature',
      request: webhook,
      mutation: {
        file: 'src/signature.ts',
        find: "if (!/^[0-9a-f]{64}$/.test(given) || params.secret === '') return false;",
        replace: 'return true;',
        breaks: ['a webhook with a missing or wrong signature is refused then logged and counted'],
      },
    },
  ];
}
