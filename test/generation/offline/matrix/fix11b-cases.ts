import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 review 11l, application rules the description states: a lifecycle spelled the American
 * way (`canceled`) with a `past_due` status a list filters on, a prohibition qualified by a status
 * (`A canceled subscription cannot be changed.` → 409 in that status only), and a delete refused
 * while children exist (`Deleting a warehouse is not allowed while it has bins.`), and `assign a
 * ticket to myself` where the listed statuses have no `assigned` (the assignee recorded, the status kept). The projects must
 * build, type-check and pass their own tests; each mutant (the guard dropped) must fail the cited test.
 */
const SUBSCRIPTIONS = requestFor({
  taskType: 'application',
  taskName: 'Subscriptions',
  description:
    'A subscriptions service for our SaaS billing. A subscription belongs to a customer and has a plan (starter, team or enterprise) and a seat count between 1 and 500. Subscriptions are trialing, active, past_due or canceled. A canceled subscription cannot be changed.',
  stories: [
    'As a customer I can start a subscription on a plan',
    'As a customer I can change the plan of my subscription',
    'As billing I can list subscriptions that are past_due',
    'As a customer I can cancel my subscription',
  ],
});

const WAREHOUSES = requestFor({
  taskType: 'application',
  taskName: 'Warehouse bins',
  description:
    'An inventory API. Each warehouse has a name. Each bin belongs to a warehouse and has a code. Deleting a warehouse is not allowed while it has bins.',
  stories: [
    'As an ops manager I can create a warehouse',
    'As an ops manager I can add a bin to a warehouse',
    'As an ops manager I can delete a warehouse',
  ],
});

const TICKETS = requestFor({
  taskType: 'application',
  taskName: 'Support tickets',
  description: 'A ticketing API. Each ticket has a subject. Tickets are open, pending, solved or closed.',
  stories: [
    'As a customer I can open a ticket with a subject',
    'As an agent I can assign a ticket to myself',
    'As an agent I can solve a ticket',
  ],
});

export function fix11bCases(): MatrixCase[] {
  return [
    { id: 'application-canceled-guard', request: SUBSCRIPTIONS },
    { id: 'application-delete-held', request: WAREHOUSES },
    { id: 'application-assign-keeps-status', request: TICKETS },
    {
      id: 'mutant-delete-with-bins',
      request: WAREHOUSES,
      mutation: {
        file: 'src/app.ts',
        find: '  for (const children of route.refusedWhileHas ?? []) {',
        replace: '  for (const children of [] as string[]) {',
        breaks: ['story 3 delete warehouse'],
      },
    },
  ];
}
