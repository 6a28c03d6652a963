import { requestFor } from '../offline-test-requests.js';
import type { MatrixCase } from './matrix-cases.js';

/**
 * Issue #11 fix 14d: the generated projects of review 11o's requests, built and tested whole — a
 * move refused in a status (`A retired laptop cannot be assigned.`, its generated test made with
 * the assignee the move records), a move to the listed status its `to` names (`send a laptop to
 * repair` → `in_repair`), list filters by a listed status or an allowed value before the noun, a
 * role of several words, a single value with listed values (`a species (dog, cat or rabbit)`), and
 * a Buildkite intake whose event names are known. The mutant drops the refusal from the assign
 * route, which the refused-move test must catch.
 */
const LAPTOPS = requestFor({
  taskType: 'application',
  taskName: 'IT asset register',
  description:
    'An API to track company laptops. Each laptop has a serial number, a model, a purchase date and an assignee. Laptops are in stock, assigned, in repair or retired. A retired laptop cannot be assigned. Publish an event when a laptop is retired.',
  stories: [
    'As an IT admin I can register a laptop',
    'As an IT admin I can assign a laptop to an employee',
    'As an IT admin I can send a laptop to repair',
    'As an IT admin I can retire a laptop',
    'As an employee I can list laptops assigned to me',
    'As an IT admin I can list laptops in repair',
  ],
});

const CHANGES = requestFor({
  taskType: 'application',
  taskName: 'Change requests',
  description:
    'A change management API for the platform team. Each change request has a title, a risk level (low, medium or high) and a planned start time. Change requests are draft, submitted, approved, rejected or implemented. Only the change advisory board can approve a change request. Submitted change requests cannot be implemented.',
  stories: [
    'As an engineer I can create a change request',
    'As an engineer I can submit a draft change request',
    'As a CAB member I can approve a change request',
    'As an engineer I can mark a change request as implemented',
    'As an engineer I can list high risk change requests',
  ],
});

const SHELTER = requestFor({
  taskType: 'application',
  taskName: 'Shelter adoptions',
  description:
    'An API for our animal shelter. Each animal has a name, a species (dog, cat or rabbit) and an age in months. Animals are available, reserved or adopted.',
  stories: [
    'As a volunteer I can add an animal',
    'As a visitor I can list available animals',
    'As a visitor I can reserve an animal',
    'As a volunteer I can mark an animal as adopted',
  ],
});

const BUILDKITE = requestFor({
  taskType: 'integration',
  taskName: 'Build events intake',
  description:
    'Receive build-finished webhooks from our Buildkite pipelines and queue them for the release dashboard. Reject deliveries with a bad signature with 401. Ignore duplicate deliveries by their build id.',
});

export function fix14dCases(): MatrixCase[] {
  return [
    { id: 'application-refused-move', request: LAPTOPS },
    { id: 'application-board-role-and-value-filter', request: CHANGES },
    { id: 'application-status-modifier', request: SHELTER },
    { id: 'integration-buildkite-events', request: BUILDKITE },
    {
      id: 'mutant-refused-move-unguarded',
      request: LAPTOPS,
      mutation: {
        file: 'src/routes.ts',
        find: "action: 'assign', refusedFrom: ['retired'],",
        replace: "action: 'assign',",
        breaks: ['a laptop that is retired is never moved by POST /laptops/{id}/assign: it answers 409'],
      },
    },
  ];
}
