import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Fix 11: a flip verb (`enable`, `disable`, `toggle`) sets the yes/no field on the server, through
 * its own route; a description forbidding a change or a delete is met by the routes the service
 * lacks, proved by a generated test; a story naming the children another story makes reads them;
 * a story asking to be redirected gets a route answering 302 with the item's http(s) URL.
 * The projects' own tests must pass, and each fault below must fail the tests that cite it.
 */
const FLAGS = requestFor({
  taskType: 'application',
  taskName: 'Feature flags',
  description: 'Each flag has a key, a description and whether it is enabled.',
  stories: [
    'As a developer I can create a flag with a key',
    'As a developer I can enable a flag',
    'As an admin I can disable a flag',
    'As a developer I can toggle a flag',
  ],
});

/** Fix 11q: `Archived flags cannot be enabled.` refuses the flip route (409) on an archived flag. */
const ARCHIVED_FLAGS = requestFor({
  taskType: 'application',
  taskName: 'Feature toggles',
  description:
    'A feature-flag service for our mobile apps. Each flag has a key of at most 64 characters, a description, whether it is enabled and a rollout percentage between 0 and 100. Archived flags cannot be enabled.',
  stories: [
    'As a developer I can create a flag',
    'As a developer I can toggle a flag',
    'As a developer I can enable a flag',
    'As a developer I can archive a flag',
  ],
});

const LEDGER = requestFor({
  taskType: 'application',
  taskName: 'Ledger',
  description: 'Each payment has an amount. Payments can never be changed or deleted.',
  stories: ['As a clerk I can record a payment', 'As a clerk I can list payments'],
});

const INCIDENTS = requestFor({
  taskType: 'application',
  taskName: 'Incident tracker',
  description: 'Each incident has a title and a commander. Incidents are open, mitigated or resolved.',
  stories: [
    'As an on-call engineer I can open an incident',
    'As a commander I can add a timeline entry to an incident',
    'As a commander I can mitigate an incident',
    'As a stakeholder I can see the timeline of an incident',
  ],
});

const LINKS = requestFor({
  taskType: 'application',
  taskName: 'Link shortener',
  description: 'Each link has a target URL and a slug. Visiting a slug redirects to its target URL with 302.',
  stories: [
    'As an employee I can create a short link',
    'As a visitor I am redirected to the target when I open a short link',
  ],
});

export function fix11Cases(): MatrixCase[] {
  return [
    { id: 'application-link-redirect', request: LINKS },
    {
      id: 'mutant-redirect-anywhere',
      request: LINKS,
      mutation: {
        file: 'src/app.ts',
        find: "if (typeof target !== 'string' || !isWebUrl(target))",
        replace: "if (typeof target !== 'string' || !isWebUrl('https://example.com'))",
        breaks: ['story 2 redirect target'],
      },
    },
    { id: 'application-incident-timeline', request: INCIDENTS },
    { id: 'application-flag-switches', request: FLAGS },
    { id: 'application-append-only', request: LEDGER },
    { id: 'application-flag-archived-guard', request: ARCHIVED_FLAGS },
    {
      id: 'mutant-archived-flag-toggles',
      request: ARCHIVED_FLAGS,
      mutation: {
        file: 'src/routes.ts',
        find: "sets: { field: 'enabled', to: 'toggle' }, refusedFrom: ['archived'] }",
        replace: "sets: { field: 'enabled', to: 'toggle' } }",
        breaks: [
          'a flag that is archived is never enabled: POST /flags/{id}/toggle and POST /flags/{id}/enable answer 409',
        ],
      },
    },
    {
      id: 'mutant-switch-takes-no-side',
      request: FLAGS,
      mutation: {
        file: 'src/app.ts',
        find: "const value = setting.to === 'toggle' ? existing.fields[setting.field] !== true : setting.to;",
        replace: 'const value = true;',
        breaks: ['story 3 disable flag', 'story 4 toggle flag'],
      },
    },
    {
      id: 'mutant-payments-deletable',
      request: LEDGER,
      mutation: {
        file: 'src/routes.ts',
        find: "  'GET /payments': {",
        replace:
          "  'DELETE /payments/{id}': { operation: 'delete', resource: 'payment' },\n  'GET /payments': {",
        breaks: ['a payment is never changed or deleted: no route does it'],
      },
    },
  ];
}
