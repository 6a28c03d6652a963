import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * Review 11h (issue #11, the first hour): generated prose picks a or an by sound, in the PR body
 * and in what the generated service answers.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

interface Result {
  statusCode: number;
  body: string;
}
type App = (event: Record<string, unknown>) => Promise<Result>;

describe('a or an in generated prose', () => {
  it('the "my" gap names "an employeeId", not "a employeeId"', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Leave',
      stories: [
        'As an employee I can submit a leave request with an employee id and a number of days',
        'As an employee I can list my leave requests',
      ],
    });
    const gaps = (bundle.coverage ?? []).flatMap((row) => row.gaps ?? []).join(' ');
    expect(gaps).toContain('(or an employeeId)');
    expect(gaps).not.toMatch(/\ba [aeio]/);
    expect(storyRow(bundle.coverage, 2)?.status).not.toBe('covered');
  });

  it('the generated service refuses "cannot cancel an order that is shipped", and "a user account" keeps "a"', async () => {
    const answer = async (
      taskName: string,
      stories: string[],
      [verb, collection, body]: [string, string, string],
    ) => {
      const { bundle } = await generate({ taskType: 'application', taskName, stories });
      const loaded = loadGenerated(bundle, [
        ['src/app.ts', ['createApp']],
        ['src/item-repository.ts', ['InMemoryItemRepository']],
        ['src/status-events.ts', ['RecordingStatusEvents']],
      ]);
      const createApp = loaded['createApp'] as (deps: Record<string, unknown>) => App;
      const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
      const app = createApp({ repository: new Repository(), newId: () => 'id-1', now: () => new Date(0) });
      const created = await app({ routeKey: `POST /${collection}`, body, headers: {} });
      expect(created.statusCode).toBe(201);
      const moved = await app({
        routeKey: `POST /${collection}/{id}/${verb}`,
        pathParameters: { id: 'id-1' },
      });
      expect(moved.statusCode).toBe(200);
      const refused = await app({
        routeKey: `POST /${collection}/{id}/cancel`,
        pathParameters: { id: 'id-1' },
      });
      expect(refused.statusCode).toBe(409);
      return (JSON.parse(refused.body) as { error: string }).error;
    };
    await expect(
      answer(
        'Shop',
        [
          'As a customer I can place an order with a total',
          'As a worker I can ship an order',
          'As a customer I can cancel an order that has not shipped',
        ],
        ['ship', 'orders', '{"total":5}'],
      ),
    ).resolves.toBe('cannot cancel an order that is shipped');
    await expect(
      answer(
        'Accounts',
        [
          'As a customer I can open a user account with a name',
          'As an agent I can suspend a user account',
          'As a customer I can cancel a user account that is not suspended',
        ],
        ['suspend', 'user-accounts', '{"name":"Ann"}'],
      ),
    ).resolves.toBe('cannot cancel a user account that is suspended');
  });

  it('an integration test title says "an OrderPlaced message"', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Order queue',
      description: 'Consume OrderPlaced messages from a queue.',
    });
    const tests = bundle.files.map((file) => file.content).join('\n');
    expect(tests).toContain('an OrderPlaced message');
    expect(tests).not.toContain('a OrderPlaced');
    expect(fileContent(bundle, 'src/messages.ts')).toContain("'OrderPlaced'");
  });
});
