import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11, application fields and figures: a field list read past a relation clause and past a
 * unit or a bound (kept as checks: greater than 0, whole cents, at most 280 characters, at most 5
 * entries), and a count read from the collection a create route writes (`GET /calls/count`).
 * The projects must build, type-check and pass their own tests; the mutant must fail the cited test.
 */
const DONATIONS = requestFor({
  taskType: 'application',
  taskName: 'Donations',
  description:
    'A donations API. Each donation has an amount in cents greater than 0, a donor email, whether the donor is anonymous, a campaign (spring, summer or winter), a donation date and an optional message of at most 280 characters.',
  stories: [
    'As a donor I can make a donation with an amount and up to five tags',
    'As a campaign manager I can list donations for a campaign',
  ],
});

const TRACKER = requestFor({
  taskType: 'application',
  taskName: 'Project tracker',
  description:
    'Each project has a name and a deadline. Each task belongs to a project and has a title, an estimate in hours no more than forty and a done flag.',
  stories: ['As a manager I can create a project', 'As a manager I can add a task to a project'],
});

const QUOTAS = requestFor({
  taskType: 'application',
  taskName: 'API quotas',
  description: 'Each quota has an API key and a limit per minute between 1 and 10000.',
  stories: [
    'As an admin I can create a quota for an API key',
    'As a gateway I can record a call against a quota',
    'As a customer I can see how many calls I have left this minute',
  ],
});

export function apps11Cases(): MatrixCase[] {
  return [
    { id: 'application-bounded-fields', request: DONATIONS },
    { id: 'application-relation-fields', request: TRACKER },
    { id: 'application-call-count', request: QUOTAS },
    {
      id: 'mutant-count-reads-nothing',
      request: QUOTAS,
      mutation: {
        file: 'src/app.ts',
        find: 'total += found.items.length;',
        replace: 'total += 0;',
        breaks: ['story 3 see left minute'],
      },
    },
  ];
}
