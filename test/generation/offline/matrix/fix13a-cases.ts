import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Fix 13a (issue #11): the feature-flag service with "list enabled flags" (a filter on the yes/no
 * field, `?enabled=true`) and "Archived flags cannot be enabled." beside an update (PATCH refuses
 * `enabled: true` on an archived flag), a desk booking API from a description alone (bookings
 * naming a desk), and a holds API whose description asks for an email when a hold is ready (a
 * notice on mark-ready). The projects must build, type-check, pass their own tests and cfn-lint;
 * each mutant removes one guard and must break the generated test that proves it.
 */
const FLAGS = requestFor({
  taskType: 'application',
  taskName: 'Feature toggles',
  description:
    'A feature-flag service for our mobile apps. Each flag has a key of at most 64 characters, a description, whether it is enabled and a rollout percentage between 0 and 100. Archived flags cannot be enabled.',
  stories: [
    'As a developer I can create a flag',
    'As a developer I can toggle a flag',
    'As a developer I can change the rollout percentage of a flag',
    'As a developer I can archive a flag',
    'As a product manager I can list enabled flags',
  ],
});

const DESKS = requestFor({
  taskType: 'application',
  taskName: 'Desk booking',
  description:
    'A REST API for booking office desks. Employees can book a desk for a day and cancel their booking. A desk can be booked only once per day. List the bookings of a day.',
});

const HOLDS = requestFor({
  taskType: 'application',
  taskName: 'Book holds',
  description:
    'A holds API for the library catalogue. Holds are waiting, ready or collected. Email the member when their hold is ready.',
  stories: ['As a member I can place a hold', 'As a librarian I can mark a hold as ready'],
});

export function fix13aCases(): MatrixCase[] {
  return [
    { id: 'application-flags-enabled-filter-patch-guard', request: FLAGS },
    { id: 'application-desk-bookings-description-only', request: DESKS },
    { id: 'application-holds-sentence-notice', request: HOLDS },
    {
      id: 'mutant-archived-flag-patch-enables',
      request: FLAGS,
      mutation: {
        file: 'src/routes.ts',
        find: ", refusedValues: [{ field: 'enabled', value: true, inStatuses: ['archived'] }] }",
        replace: ' }',
        breaks: [
          'a flag that is archived is never enabled: POST /flags/{id}/toggle and PATCH /flags/{id} answer 409',
        ],
      },
    },
    {
      id: 'mutant-enabled-filter-compares-text',
      request: FLAGS,
      mutation: {
        file: 'src/app.ts',
        find: "else if (yesNo === true) where[field] = value === 'true';",
        replace: 'else if (yesNo === true) where[field] = value;',
        breaks: ['story 5 list enabled flags'],
      },
    },
  ];
}
