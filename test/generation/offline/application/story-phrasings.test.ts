import { blueprintInputFrom } from '../../../../src/generation/offline/blueprint-input-from.js';
import { resourceModel } from '../../../../src/generation/offline/blueprints/application/model/resource-model.js';
import { storyIntent } from '../../../../src/generation/offline/naming/story-intent.js';
import { generate, requestFor } from '../offline-test-requests.js';

const routesOf = (stories: readonly string[]) =>
  resourceModel(
    blueprintInputFrom(requestFor({ taskType: 'application', taskName: 'Support Desk', stories })),
  )
    .operations.filter((operation) => operation.stories.length > 0)
    .map((operation) => operation.routeKey);

/** Names come from the model's nouns and standard verbs, never from pronoun or auxiliary fragments (#11 new-user pass). */
describe('story phrasings become routes named by nouns and standard verbs', () => {
  it.each([
    ['As a customer I can open a ticket', ['POST /tickets']],
    ['As an agent I can mark a ticket in progress', ['POST /tickets/{id}/mark-in-progress']],
    ['As an agent I can mark a ticket as in progress', ['POST /tickets/{id}/mark-in-progress']],
    ['As an agent I can move a ticket to in review', ['POST /tickets/{id}/mark-in-review']],
    ['As an agent I can mark a ticket as resolved', ['POST /tickets/{id}/resolve']],
    ['As an agent I can flag a ticket as urgent', ['POST /tickets/{id}/mark-urgent']],
    ['As an agent I can mark a ticket as done', ['POST /tickets/{id}/mark-done']],
    ['As a customer, my tickets are listed', ['GET /tickets']],
    ['As a customer I am alerted when my ticket is resolved', []],
    ['As a customer I get notified when my ticket is resolved', []],
    ['As a customer I want to be notified when my ticket is resolved', []],
    ['As a manager I receive a weekly report', []],
    ['As a clerk I can receive a shipment', ['POST /shipments/{id}/receive']],
  ])('%s → %j', (story, routes) => {
    expect(routesOf([story])).toEqual(routes);
  });

  it('never makes a verb or a name of an auxiliary or a pronoun', () => {
    expect(storyIntent('As a customer I am alerted when my ticket is resolved', 1)).toMatchObject({
      verb: 'alert',
      receives: true,
      testTitle: 'story 1 alert',
    });
    expect(storyIntent('As a manager I receive a weekly report', 2)).toMatchObject({
      verb: 'receive',
      receives: true,
    });
  });

  it('lists a story that asks for something sent to people under not covered, with why', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Support Desk',
      stories: ['As a customer I can open a ticket', 'As a customer I am alerted when my ticket is resolved'],
    });
    expect(
      bundle.coverage?.find((row) => row.source.kind === 'story' && row.source.number === 2),
    ).toMatchObject({
      status: 'not_covered',
      // A notice story: told at the moment it names, when a route makes it; none resolves a ticket.
      gaps: [expect.stringContaining('no route makes a ticket "resolved"')],
    });
    const names = bundle.files.map((file) => file.content).join('\n');
    expect(names).not.toMatch(/alerteds|\/am\b|ammed|am-alerted|\/receive\b/);
  });
});

describe('every state a story names is reachable through a generated route', () => {
  const stories = [
    'As a customer I can open a ticket with a subject',
    'As an agent I can mark a ticket in progress',
    'As an agent I can resolve a ticket that is not in progress',
    'As an agent I can close a ticket that is not escalated',
  ];

  it('sets the state the story names, and refuses from a multi-word state', () => {
    const model = resourceModel(
      blueprintInputFrom(requestFor({ taskType: 'application', taskName: 'Support Desk', stories })),
    );
    expect(model.resources[0]?.status).toEqual({
      initial: 'open',
      transitions: [
        { action: 'mark-in-progress', to: 'in_progress' },
        { action: 'resolve', to: 'resolved' },
        { action: 'close', to: 'closed' },
      ],
      terminal: ['closed'],
      setElsewhere: ['escalated'],
    });
    expect(model.operations.find((operation) => operation.action === 'resolve')?.refusedFrom).toEqual([
      'in_progress',
    ]);
  });

  it('proves each state through the routes, and names a state no route sets as a gap', async () => {
    const { bundle } = await generate({ taskType: 'application', taskName: 'Support Desk', stories });
    const tests = bundle.files.find((file) => file.path.endsWith('test/app.test.ts'))?.content ?? '';
    expect(tests).toContain("it('ticket reaches every status its stories name through its routes'");
    expect(tests).toContain("expect(reached).toEqual(['in_progress', 'resolved', 'closed']);");
    expect(tests).toContain("const otherMarkInProgress = await call('POST /tickets'");
    const statuses = bundle.coverage?.flatMap((row) => row.gaps).join('\n') ?? '';
    expect(statuses).toContain('no route of this service makes a ticket escalated');
    expect(statuses).not.toContain('in_progress:');
  });
});
