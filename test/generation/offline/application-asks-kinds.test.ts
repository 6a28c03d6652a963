import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * More cases of the kinds review 11l found (issue #11): a rule ordering two fields, a schedule, a
 * hand-in verb beside a create, a role rule in the description, a notice to the item's own person
 * and a count by a field. Each row must say what the generated service does.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const routeLine = (routes: string, key: string) =>
  routes.split('\n').find((line) => line.includes(`'${key}'`)) ?? '';

describe('application asks the blueprint does not generate are not covered', () => {
  it('lists a rule ordering two date fields as not covered, naming both, never credited to the create route', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Promotions',
      description:
        'Each promotion has a name, a start date and an end date. The end date must be after the start date.',
      stories: ['As an admin I can create a promotion', 'As an admin I can change a promotion'],
    });
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).toBe('not_covered');
    expect(row?.implementedBy).toBeUndefined();
    expect(row?.gaps.join(' ')).toMatch(/startDate and endDate|endDate and startDate/);
    // A sentence naming the two fields with no rule is still their declaration.
    expect(sentenceRow(bundle.coverage, 1)?.status).toBe('covered');
  });

  it('lists a calendar schedule as not covered without value gaps for its time of day', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Tickets',
      description:
        'A ticketing API. Every day at 02:00 UTC close the solved tickets. Nightly export all tickets.',
      stories: ['As a customer I can open a ticket', 'As an agent I can close a ticket'],
    });
    for (const sentence of [2, 3]) {
      const row = sentenceRow(bundle.coverage, sentence);
      expect(row?.status).toBe('not_covered');
      expect(row?.gaps.join(' ')).toMatch(/nothing runs on a schedule/);
      expect(row?.gaps.join(' ')).not.toMatch(/is not a value/);
    }
  });
});

describe('a hand-in verb moves the item another story makes', () => {
  it('reads "submit a claim" beside "create a claim" as the move to submitted, and "submit a draft expense" alone as a move from draft', async () => {
    const claims = (
      await generate({
        taskType: 'application',
        taskName: 'Claims',
        description: 'Claims are draft, submitted or paid.',
        stories: ['As a member I can create a claim', 'As a member I can submit a claim'],
      })
    ).bundle;
    expect(routeLine(fileContent(claims, 'src/routes.ts'), 'POST /claims/{id}/submit')).toContain(
      "operation: 'transition'",
    );
    const expenses = (
      await generate({
        taskType: 'application',
        taskName: 'Expenses',
        description: 'Expenses are draft or submitted.',
        stories: ['As an employee I can submit a draft expense'],
      })
    ).bundle;
    expect(routeLine(fileContent(expenses, 'src/routes.ts'), 'POST /expenses/{id}/submit')).toContain(
      "onlyIn: ['draft']",
    );
  });

  it('keeps two making verbs (create, add) as one create', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Notes',
      description: 'A notes API.',
      stories: ['As a user I can create a note', 'As a user I can add a note'],
    });
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/notes\/\{id\}\/(?:add|create)/);
  });
});

describe('a role rule in the description', () => {
  it('restricts the route its verb and noun name, and the row says the role comes from a header', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Expenses',
      description: 'Only managers can delete an expense.',
      stories: ['As an employee I can create an expense', 'As an employee I can delete an expense'],
    });
    const routes = fileContent(bundle, 'src/routes.ts');
    expect(routeLine(routes, 'DELETE /expenses/{id}')).toContain("roles: ['manager']");
    expect(routeLine(routes, 'POST /expenses')).not.toContain('roles');
    const row = sentenceRow(bundle.coverage, 1);
    expect(row?.status).toBe('partial');
    expect(row?.gaps.join(' ')).toMatch(/x-caller-roles/);
  });
});

describe('a notice to the item own person', () => {
  it('is partial when the item records no address, and a notice to a fixed role stays covered', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Orders',
      description: 'Orders are placed or shipped.',
      stories: [
        'As a customer I can place an order',
        'As a clerk I can ship an order',
        'As a customer I am notified by email when my order is shipped',
        'As a clerk I am notified by email when an order is placed',
      ],
    });
    const own = storyRow(bundle.coverage, 3);
    expect(own?.status).toBe('partial');
    expect(own?.gaps.join(' ')).toMatch(/records no address/);
    expect(storyRow(bundle.coverage, 4)?.status).toBe('covered');
  });
});

describe('a count by a field', () => {
  it('is partial when no list takes that field, saying the count is of every item', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Audit trail',
      description: 'Each entry has an actor and an action.',
      stories: [
        'As a service I can record an audit entry',
        'As an auditor I can see how many entries an actor has',
      ],
    });
    const row = storyRow(bundle.coverage, 2);
    expect(row?.status).toBe('partial');
    expect(row?.gaps.join(' ')).toMatch(/\?actor= filter/);
  });
});
