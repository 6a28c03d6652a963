import { loadGenerated } from '../generated-modules.js';
import { fileContent, generate } from '../offline-test-requests.js';
import type { RequestShape } from '../offline-test-requests.js';

/** A read story naming the children another story makes under its object reads those children, not a field. */
interface Result {
  statusCode: number;
  body: string;
}
type App = (event: Record<string, unknown>) => Promise<Result>;

const storyRow = (rows: Awaited<ReturnType<typeof generate>>['bundle']['coverage'], number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);

async function serviceOf(shape: RequestShape) {
  const { bundle } = await generate(shape);
  const loaded = loadGenerated(bundle, [
    ['src/app.ts', ['createApp']],
    ['src/item-repository.ts', ['InMemoryItemRepository']],
  ]);
  const createApp = loaded['createApp'] as (deps: Record<string, unknown>) => App;
  const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
  let counter = 0;
  const app = createApp({
    repository: new Repository(),
    newId: () => `id-${++counter}`,
    now: () => new Date(0),
  });
  const call = async (routeKey: string, id?: string, body?: unknown) => {
    const answer = await app({
      routeKey,
      headers: {},
      ...(id === undefined ? {} : { pathParameters: { id } }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: answer.statusCode,
      body: JSON.parse(answer.body === '' ? '{}' : answer.body) as Record<string, unknown>,
    };
  };
  return { bundle, call };
}

describe('reads of the children another story makes', () => {
  it('"see the timeline of an incident" beside "add a timeline entry to an incident" lists the incident\'s entries', async () => {
    const { bundle, call } = await serviceOf({
      taskType: 'application',
      taskName: 'Incidents',
      stories: [
        'As an engineer I can open an incident',
        'As a commander I can add a timeline entry to an incident',
        'As a stakeholder I can see the timeline of an incident',
      ],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toContain("name: 'timeline'");
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toMatch(
      /^GET \/incidents\/\{id\}\/entries lists entries of one incident/,
    );
    const incident = await call('POST /incidents', undefined, { title: 'db down' });
    const id = String(incident.body['id']);
    await call('POST /incidents/{id}/entries', id, { note: 'paged' });
    const timeline = await call('GET /incidents/{id}/entries', id);
    expect((timeline.body['items'] as { note: string }[]).map((entry) => entry.note)).toEqual(['paged']);
  });

  it('"see the comments of a ticket" lists the comments made on it', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Help desk',
      stories: [
        'As a customer I can open a ticket',
        'As an agent I can add a comment to a ticket',
        'As a customer I can see the comments of a ticket',
      ],
    });
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toMatch(/^GET \/tickets\/\{id\}\/comments/);
  });

  it('keeps a read of an attribute no child is named by as a read of the item', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Orders',
      stories: [
        'As a customer I can place an order',
        'As a customer I can add a note to an order',
        'As a customer I can see the status of an order',
      ],
    });
    expect(storyRow(bundle.coverage, 3)?.implementedBy).toMatch(/^GET \/orders\/\{id\} reads an order/);
  });
});
