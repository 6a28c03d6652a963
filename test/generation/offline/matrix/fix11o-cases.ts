import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 fix 11o, application stories whose verbs the listed lifecycle lacks (`renew a loan`,
 * `rate a talk`, `extend the due date of a hold`), a loan made by `borrow a book`, a permit made by
 * `apply for a permit` and found `by its plate number`, books added to the catalogue (no parent), and
 * a mileage typed as a number. The projects must build, type-check and pass their own tests.
 */
const LOANS = requestFor({
  taskType: 'application',
  taskName: 'Library loans',
  description:
    'A loans API for the city library. Each loan belongs to a member and has a book ISBN, a due date and a number of renewals. Loans are active, returned or overdue. A member can have at most 5 active loans. A loan can be renewed at most twice. Publish an event when a loan is returned.',
  stories: [
    'As a member I can borrow a book',
    'As a member I can list my active loans',
    'As a member I can renew a loan',
    'As a librarian I can return a loan',
    'As a librarian I can see how many loans are active',
  ],
});

const HOLDS = requestFor({
  taskType: 'application',
  taskName: 'Book holds',
  description:
    'A holds API for the library catalogue. Each book has a title, an author and a number of copies. Holds are waiting, ready or collected.',
  stories: [
    'As a librarian I can add a book to the catalogue',
    'As a member I can search books by author',
    'As a member I can place a hold on a book',
    'As a librarian I can mark a hold as ready',
    'As a librarian I can extend the due date of a hold',
  ],
});

const PERMITS = requestFor({
  taskType: 'application',
  taskName: 'Parking permits',
  description:
    'A parking permits API for the council. Each permit belongs to a resident and has a plate number and a start date. Permits are active, expired or revoked. Each vehicle has a registration and a mileage.',
  stories: [
    'As a resident I can apply for a permit',
    'As an officer I can look up a permit by its plate number',
    'As an officer I can revoke a permit',
    'As a resident I can renew my permit',
    'As a fleet manager I can update the mileage of a vehicle',
  ],
});

export function fix11oCases(): MatrixCase[] {
  return [
    { id: 'application-borrow-renew-loans', request: LOANS },
    { id: 'application-catalogue-holds', request: HOLDS },
    { id: 'application-apply-lookup-permits', request: PERMITS },
  ];
}
