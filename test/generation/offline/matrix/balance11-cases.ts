import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11: a remaining balance computed on read (`GET /invoices/{id}/balance`, the invoice's
 * totalAmount less the amounts of the payments made under it) and a count by a status before the
 * noun (`how many active cards`). The projects must build, type-check and pass their own tests; the
 * mutant (a balance that adds nothing up) must fail the cited test.
 */
const INVOICES = requestFor({
  taskType: 'application',
  taskName: 'Invoices',
  description: 'Each invoice has a customer id and a total amount. Each payment has an amount.',
  stories: [
    'As an accountant I can create an invoice',
    'As a clerk I can add a payment to an invoice',
    'As a customer I can see the remaining balance of an invoice',
  ],
});

const CARDS = requestFor({
  taskType: 'application',
  taskName: 'Gift cards',
  description: 'Each card belongs to a customer and has a code. Cards are active, redeemed or expired.',
  stories: [
    'As a customer I can buy a gift card',
    'As support I can expire a card',
    'As support I can see how many active cards there are',
  ],
});

export function balance11Cases(): MatrixCase[] {
  return [
    { id: 'application-remaining-balance', request: INVOICES },
    { id: 'application-status-adjective-count', request: CARDS },
    {
      id: 'mutant-balance-sums-nothing',
      request: INVOICES,
      mutation: {
        file: 'src/app.ts',
        find: "      if (typeof amount === 'number') sum += amount;",
        replace: '',
        breaks: ['story 3 see balance invoice'],
      },
    },
  ];
}
