import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 fix 14c: a prohibition in a final status (`Refunded orders can never be modified.`,
 * `Voided invoices cannot be edited.`) is kept by the status moves, which answer 409 out of a final
 * status, and by PATCH; a count a story acts by (`votes` beside `vote for an idea`, `likes` beside
 * `like a post`) starts at 0 and no client writes it; the log groups keep logs for the days asked.
 * The mutants drop the final-status check, the refusal of a client's count, its start at 0 and a
 * log group's retention: each must fail the generated test the coverage cites for it.
 */
const ORDERS = requestFor({
  taskType: 'application',
  taskName: 'Refunds',
  description:
    'An orders API. Each order has a customer and a total. Orders are placed, packed, shipped or refunded. Refunded orders can never be modified. Keep Lambda logs for 30 days.',
  stories: [
    'As a customer I can place an order',
    'As a clerk I can pack an order',
    'As a clerk I can ship an order',
    'As a clerk I can refund an order',
  ],
});

const INVOICES = requestFor({
  taskType: 'application',
  taskName: 'Invoices',
  strategy: 'canary',
  description:
    'An invoicing API. Each invoice has a customer and an amount in cents. Invoices are draft, sent, paid or voided. Voided invoices cannot be edited.',
  stories: [
    'As an accountant I can create an invoice',
    'As an accountant I can send an invoice',
    'As a customer I can pay an invoice',
    'As an accountant I can void an invoice',
    'As an accountant I can change the amount of an invoice',
  ],
});

const POSTS = requestFor({
  taskType: 'application',
  taskName: 'Community posts',
  description: 'A posts API for our community. Each post has a body and a number of likes.',
  stories: [
    'As an author I can write a post',
    'As a reader I can like a post',
    'As an author I can change the body of a post',
    'As a reader I can list posts',
  ],
});

const IDEAS = requestFor({
  taskType: 'application',
  taskName: 'Idea board',
  strategy: 'all-at-once',
  description:
    'A feature-voting board for our customers. Each idea has a title of at most 100 characters, a description and a number of votes. Ideas are open, planned, shipped or declined.',
  stories: [
    'As a customer I can post an idea',
    'As a customer I can vote for an idea',
    'As a product manager I can decline an idea with a reason',
  ],
});

const ORDERS_GUARD =
  'an order that is refunded is never changed: POST /orders/{id}/pack and POST /orders/{id}/ship answer 409';
const POST_BODIES = 'post bodies are checked against the model';

export function fix14cCases(): MatrixCase[] {
  return [
    { id: 'application-final-status-guard', request: ORDERS },
    { id: 'application-final-status-and-patch-guard', request: INVOICES },
    { id: 'application-kept-count-with-update', request: POSTS },
    { id: 'application-kept-count', request: IDEAS },
    {
      id: 'mutant-moves-out-of-a-final-status',
      request: ORDERS,
      mutation: {
        file: 'src/status-rules.ts',
        find: "  if (resource.status?.terminal.includes(current)) return { ok: false, error: 'the ' + spokenName(resource) + ' is ' + current + ', which is final' };\n",
        replace: '',
        breaks: [ORDERS_GUARD],
      },
    },
    {
      id: 'mutant-kept-count-written-by-a-client',
      request: POSTS,
      mutation: {
        file: 'src/validate-body.ts',
        find: ' || declared?.counter === true',
        replace: '',
        breaks: [POST_BODIES],
      },
    },
    {
      id: 'mutant-kept-count-not-started',
      request: POSTS,
      mutation: {
        file: 'src/app.ts',
        find: '    fields: { ...startingCounts(resource), ',
        replace: '    fields: { ',
        breaks: [POST_BODIES],
      },
    },
    {
      id: 'mutant-log-group-kept-for-ever',
      request: ORDERS,
      mutation: {
        file: 'template.yaml',
        find: '      RetentionInDays: !Ref LogRetentionDays\n',
        replace: '',
        breaks: ['the template keeps every log group for LogRetentionDays days and defaults it to 30'],
      },
    },
  ];
}
