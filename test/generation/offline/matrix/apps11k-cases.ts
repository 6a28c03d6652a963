import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 review 11k, application stories: a count by status (`how many claims are approved`,
 * `GET /claims/count?status=approved`), a marked move guarded by its object's status (`mark an
 * approved claim as paid`), an exact length (`exactly 3 letters`), and a child counted by its
 * parent (`how many tasks a project has`, `?projectId=`). The projects must build, type-check and
 * pass their own tests; the mutant (a count that drops its status filter) must fail the cited test.
 */
const CLAIMS = requestFor({
  taskType: 'application',
  taskName: 'Expense claims',
  description:
    'An API for expense claims. Each claim belongs to an employee and has an amount in cents greater than 0, a currency code of exactly 3 letters and a description of at most 200 characters. Claims are submitted, approved, rejected or paid.',
  stories: [
    'As an employee I can submit a claim with an amount and a description',
    'As a manager I can approve a submitted claim',
    'As finance I can see how many claims are approved',
    'As finance I can mark an approved claim as paid',
  ],
});

const SPRINT = requestFor({
  taskType: 'application',
  taskName: 'Sprint board',
  description:
    'An API for a sprint board. Each task belongs to a project and has a title of at most 120 characters. Tasks are todo, doing or done.',
  stories: [
    'As a lead I can create a project with a name',
    'As a developer I can add a task to a project',
    'As a lead I can see how many tasks a project has',
    'As a developer I can mark a task as done',
  ],
});

export function apps11kCases(): MatrixCase[] {
  return [
    { id: 'application-status-count', request: CLAIMS },
    { id: 'application-child-count', request: SPRINT },
    {
      id: 'mutant-count-ignores-status',
      request: CLAIMS,
      mutation: {
        file: 'src/app.ts',
        find: '      ...(Object.keys(where).length === 0 ? {} : { where }),',
        replace: '',
        breaks: ['story 3 see how many claims'],
      },
    },
  ];
}
