import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Review 11f (#11): status moves that need a state (`refund a shipped order`), that record what they
 * are made with (`ship with a tracking number`), and verb phrases that are moves (`start work on`);
 * each generated project's own tests must pass, and each mutant fail the tests it names.
 */
const FULFILMENT = requestFor({
  taskType: 'application',
  taskName: 'Order Fulfilment',
  description: 'Each order has a customer email, a list of items and a total.',
  stories: [
    'As a customer I can place an order with one or more items',
    'As a warehouse worker I can ship an order with a tracking number',
    'As support I can refund a shipped order',
  ],
});
const HELPDESK = requestFor({
  taskType: 'application',
  taskName: 'IT Helpdesk',
  description: 'Each ticket has a title. Tickets are open, in progress, resolved or closed.',
  stories: [
    'As an employee I can open a ticket with a title',
    'As an agent I can start work on a ticket',
    'As an agent I can resolve a ticket',
    'As an employee I can reopen a resolved ticket',
    'As a manager I can reject a ticket with a reason and a category',
  ],
});

/** `a quantity on hand` no longer ends the fields; `list products by tag` filters on the list `tags`. */
const INVENTORY = requestFor({
  taskType: 'application',
  taskName: 'Warehouse inventory',
  description: 'Each product has a SKU, a name, a quantity on hand, a unit price and a list of tags.',
  stories: [
    'As a stock clerk I can add a product with a SKU and a quantity',
    'As a buyer I can list products by tag',
  ],
});

/** A compound noun names its resource whole: `/leave-requests`, LeaveRequestStatusChanged. */
const LEAVE = requestFor({
  taskType: 'application',
  taskName: 'Leave requests',
  description:
    'Each leave request has a start date, a number of days and a type (annual or sick). Publish an event when the status changes.',
  stories: [
    'As an employee I can request leave with a start date and a number of days',
    'As a manager I can approve a leave request',
    'As an employee I can cancel my leave request before it is approved',
    'As HR I can list approved leave requests',
  ],
});

export function review11fCases(): MatrixCase[] {
  return [
    { id: 'application-leave-requests-compound', request: LEAVE },
    { id: 'application-inventory-by-tag', request: INVENTORY },
    {
      id: 'mutant-tag-filter-ignored',
      request: INVENTORY,
      mutation: {
        file: 'src/item-repository.ts',
        find: 'holds(item, query.contains) &&',
        replace: '',
        breaks: ['story 2 list products'],
      },
    },
    { id: 'application-fulfilment-moves', request: FULFILMENT },
    { id: 'application-helpdesk-phrases', request: HELPDESK },
    {
      id: 'mutant-refund-any-order',
      request: FULFILMENT,
      mutation: {
        file: 'src/routes.ts',
        find: ", onlyIn: ['shipped']",
        replace: '',
        breaks: ['story 3 refund shipped order'],
      },
    },
    {
      id: 'mutant-tracking-number-dropped',
      request: FULFILMENT,
      mutation: {
        file: 'src/app.ts',
        find: 'const moved = { ...existing.fields, ...recorded.fields };',
        replace: 'const moved = { ...existing.fields };',
        breaks: ['story 2 ship order'],
      },
    },
    {
      id: 'mutant-reopen-any-ticket',
      request: HELPDESK,
      mutation: {
        file: 'src/routes.ts',
        find: ", onlyIn: ['resolved']",
        replace: '',
        breaks: ['story 4 reopen resolved ticket'],
      },
    },
  ];
}
