import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { fileContent, generate } from '../offline-test-requests.js';

/** Review 11f (#11): siblings of the resource-model faults, each kind on other words and resources. */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

const routesOf = async (description: string, stories: string[]) => {
  const { bundle } = await generate({ taskType: 'application', taskName: 'Kinds', description, stories });
  return { routes: fileContent(bundle, 'src/routes.ts'), bundle };
};

describe('review 11f: the resource model reads moves, states and figures', () => {
  it('reads a state before a moved noun as the only status it moves from, when it is one of the statuses', async () => {
    const { routes } = await routesOf('Each book has a title. Books are available, loaned or lost.', [
      'As a librarian I can add a book with a title',
      'As a librarian I can loan a book',
      'As a librarian I can return a loaned book',
      'As a librarian I can archive a kitchen book',
    ]);
    expect(routes).toMatch(/'POST \/books\/\{id\}\/return': \{[^}]*onlyIn: \['loaned'\]/);
    // `kitchen` is no status of a book: part of the noun, no precondition.
    expect(routes).not.toMatch(/onlyIn: \['kitchen'\]/);
  });

  it('requires and records what a move is made with', async () => {
    const { routes, bundle } = await routesOf('Each invoice has an amount.', [
      'As finance I can raise an invoice with an amount',
      'As finance I can void an invoice with a reason',
      'As finance I can pay an invoice with a payment reference',
    ]);
    expect(routes).toMatch(/'POST \/invoices\/\{id\}\/void': \{[^}]*records: \['reason'\]/);
    expect(routes).toMatch(/'POST \/invoices\/\{id\}\/pay': \{[^}]*records: \['paymentReference'\]/);
    expect(storyRow(bundle.coverage, 2)?.implementedBy).toContain('recording reason from the body');
  });

  it('reads verb phrases as moves of their object, never as resources', async () => {
    const { routes } = await routesOf('Each job has a name.', [
      'As a planner I can create a job with a name',
      'As a crew lead I can close out a job',
      'As a client I can sign off on a job',
      'As a crew lead I can begin work on a job',
    ]);
    expect(routes).toContain("'POST /jobs/{id}/close'");
    expect(routes).toContain("'POST /jobs/{id}/approve'");
    expect(routes).toContain("'POST /jobs/{id}/start'");
    expect(routes).not.toMatch(/'POST \/(works|outs|offs)'/);
  });

  it('lists a figure computed from records under not covered, never as a stored resource', async () => {
    const { routes, bundle } = await routesOf('Each order has a total.', [
      'As a customer I can place an order with a total',
      'As a customer I can see my outstanding balance',
      'As a manager I can view the average order count',
    ]);
    expect(routes).not.toMatch(/'POST \/(balances|counts)'/);
    expect(storyRow(bundle.coverage, 2)).toMatchObject({ status: 'not_covered' });
    expect(storyRow(bundle.coverage, 2)?.gaps).toContainEqual(expect.stringContaining('figure computed'));
    expect(storyRow(bundle.coverage, 3)).toMatchObject({ status: 'not_covered' });
  });

  it('looks an item up by a field of its own with a filter, not an owner', async () => {
    const { routes, bundle } = await routesOf('Each user has an email and a name.', [
      'As an admin I can create a user with an email and a name',
      'As support I can find a user by their email',
    ]);
    expect(fileContent(bundle, 'src/model.ts')).not.toContain("'emailId'");
    expect(routes).toMatch(/'GET \/users': \{[^}]*field: 'email'/);
  });
});
