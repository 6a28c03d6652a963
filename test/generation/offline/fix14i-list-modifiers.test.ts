import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { generate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/*
 * Fix 14i: a list story's modifier never becomes a resource. Values joined by `or`/`and`/commas before
 * the noun (`revoked or expired permits`, `easy or medium recipes`) and a phrase after the noun
 * (`vehicles due for service`, `loans overdue`) leave the list on its noun, GET /<noun>s.
 */
const app = (shape: Omit<RequestShape, 'taskType'>): RequestShape => ({ taskType: 'application', ...shape });
const routesOf = (rows: readonly RequirementCoverage[] | undefined) =>
  (rows ?? []).flatMap((row) => row.implementedBy ?? []).join(' ');
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

describe('fix 14i: list modifiers are never resources', () => {
  it.each([
    ['list open and pending tickets', 'Tickets are open, pending or closed.', 'ticket', /\/opens\b/],
    ['list closed, pending or open tickets', 'Tickets are open, pending or closed.', 'ticket', /\/closeds\b/],
    [
      'list paperback or ebook books',
      'Each book has a title and a format (paperback, hardcover or ebook).',
      'book',
      /\/paperbacks\b/,
    ],
  ])('"%s" lists on its noun, with no resource for the values', async (story, description, noun, wrong) => {
    const { bundle } = await generate(
      app({
        taskName: 'Lists',
        description: `An API. ${description}`,
        stories: [`As a user I can create a ${noun}`, `As a user I can ${story}`],
      }),
    );
    expect(routesOf(bundle.coverage)).not.toMatch(wrong);
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toContain(`GET /${noun}s`);
  });

  it.each([
    ['list loans overdue by a week', 'loan', /\/overdues\b/],
    ['list invoices due this week', 'invoice', /\/dues\b/],
    ['list contracts ending soon', 'contract', /\/endings\b/],
  ])('"%s" lists on its noun; the phrase after it is no resource', async (story, noun, wrong) => {
    const { bundle } = await generate(
      app({
        taskName: 'Lists',
        description: `An API. Each ${noun} has a name and an amount.`,
        stories: [`As a user I can create a ${noun}`, `As a user I can ${story}`],
      }),
    );
    expect(routesOf(bundle.coverage)).not.toMatch(wrong);
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toContain(`GET /${noun}s`);
  });
});
