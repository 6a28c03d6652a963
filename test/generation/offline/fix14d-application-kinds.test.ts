import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from './generated-service.js';
import { fileContent, generate } from './offline-test-requests.js';

/**
 * Fix 14d (issue #11): other phrasings and domains of the kinds review 11o found in the application
 * blueprint — a move a description refuses in a status is guarded (409); a move's `to <listed
 * status>` names the status it sets; a listed status or an allowed value before (or after) a list's
 * noun filters it; `only` names roles and objects of several words; a singular article names one
 * value; a participle after a list's noun is never a resource; an `Only X can be <verb>ed` rule
 * whose verb no route does is never met.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');
const itemsOf = (json: Record<string, unknown>) =>
  (json['items'] as Record<string, unknown>[] | undefined) ?? [];
const first = { pathParameters: { id: 'id-1' } };

describe('fix 14d: a move refused in a status', () => {
  it('"Shipped orders can never be cancelled." guards cancel from shipped (409, unchanged), proven by a generated test the row cites', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Orders',
      description:
        'An order API. Each order has a total. Orders are placed, paid, shipped or cancelled. Shipped orders can never be cancelled.',
      stories: [
        'As a clerk I can place an order',
        'As a clerk I can pay for an order',
        'As a clerk I can ship an order',
        'As a clerk I can cancel an order',
      ],
    });
    const send = serviceOf(bundle);
    await send('POST /orders', { body: { total: 5 } });
    expect((await send('POST /orders/{id}/ship', first)).json['status']).toBe('shipped');
    expect((await send('POST /orders/{id}/cancel', first)).statusCode).toBe(409);
    expect((await send('GET /orders/{id}', first)).json['status']).toBe('shipped');
    await send('POST /orders', { body: { total: 6 } });
    const second = { pathParameters: { id: 'id-2' } };
    expect((await send('POST /orders/{id}/cancel', second)).json['status']).toBe('cancelled');
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toMatch(/POST \/orders\/\{id\}\/cancel answers 409/);
    const title = row?.tests[0]?.title ?? '';
    expect(fileContent(bundle, 'services/orders/test/app.test.ts')).toContain(title);
  });

  it('"Orders cannot be cancelled once shipped." guards cancel from shipped (the later status is where, not what, is refused); "… until they are paid" guards nothing', async () => {
    const request = (rule: string) =>
      generate({
        taskType: 'application',
        taskName: 'Orders',
        description: `An order API. Each order has a total. Orders are placed, paid, shipped or cancelled. ${rule}`,
        stories: [
          'As a clerk I can place an order',
          'As a clerk I can pay for an order',
          'As a clerk I can ship an order',
          'As a clerk I can cancel an order',
        ],
      });
    const once = await request('Orders cannot be cancelled once shipped.');
    expect(fileContent(once.bundle, 'src/routes.ts')).toMatch(
      /'POST \/orders\/\{id\}\/cancel': \{[^}]*refusedFrom: \['shipped'\]/,
    );
    expect(sentenceRow(once.bundle.coverage, 4)?.implementedBy).toMatch(/409 for an order that is shipped/);
    const until = await request('Orders cannot be cancelled until they are paid.');
    expect(fileContent(until.bundle, 'src/routes.ts')).not.toMatch(/refusedFrom: \['paid'\]/);
  });

  it('"A lost book must not be reserved." refuses reserve from lost, made with what the move records', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Library',
      description:
        'A library API. Each book has a title. Books are available, reserved or lost. A lost book must not be reserved.',
      stories: [
        'As a librarian I can add a book',
        'As a member I can reserve a book',
        'As a librarian I can mark a book as lost',
      ],
    });
    const send = serviceOf(bundle);
    await send('POST /books', { body: { title: 'Dune' } });
    expect((await send('POST /books/{id}/mark-lost', first)).json['status']).toBe('lost');
    expect((await send('POST /books/{id}/reserve', first)).statusCode).toBe(409);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
  });

  it('"A closed ticket cannot be reopened." beside "reopen a closed ticket" keeps the story\'s route and says the rule is not generated', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Helpdesk',
      description:
        'A helpdesk. Each ticket has a title. Tickets are open, resolved or closed. A closed ticket cannot be reopened.',
      stories: [
        'As an agent I can open a ticket',
        'As an agent I can close a ticket',
        'As an agent I can reopen a closed ticket',
      ],
    });
    const send = serviceOf(bundle);
    await send('POST /tickets', { body: { title: 'x' } });
    await send('POST /tickets/{id}/close', first);
    expect((await send('POST /tickets/{id}/reopen', first)).json['status']).toBe('open');
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).not.toBe('covered');
    expect(gapsOf(row)).toMatch(/POST \/tickets\/\{id\}\/reopen \(story 3\)/);
  });
});

describe('fix 14d: a move to the listed status its `to` names', () => {
  it('"move a task to review", where tasks are `open, in review or done`, moves it to in_review', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Tasks',
      description: 'A task board. Each task has a title. Tasks are open, in review or done.',
      stories: [
        'As a developer I can create a task',
        'As a developer I can move a task to review',
        'As a developer I can finish a task',
      ],
    });
    const send = serviceOf(bundle);
    await send('POST /tasks', { body: { title: 'x' } });
    const route = /POST \/tasks\/\{id\}\/[a-z-]+/.exec(
      storyRow(bundle.coverage, 2)?.implementedBy ?? '',
    )?.[0];
    expect((await send(route ?? 'POST /tasks/{id}/move', first)).json['status']).toBe('in_review');
    expect(storyRow(bundle.coverage, 2)?.status).toBe('covered');
  });

  it('"put a kayak into maintenance", where kayaks are `available, rented or in maintenance`, moves it to in_maintenance; an unlisted `to` is still no move', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Kayaks',
      description: 'A kayak rental. Each kayak has a name. Kayaks are available, rented or in maintenance.',
      stories: [
        'As a clerk I can add a kayak',
        'As a clerk I can put a kayak into maintenance',
        'As a clerk I can send a kayak to the beach',
      ],
    });
    const send = serviceOf(bundle);
    await send('POST /kayaks', { body: { name: 'Blue' } });
    const route = /POST \/kayaks\/\{id\}\/[a-z-]+/.exec(
      storyRow(bundle.coverage, 2)?.implementedBy ?? '',
    )?.[0];
    expect((await send(route ?? 'POST /kayaks/{id}/put', first)).json['status']).toBe('in_maintenance');
    expect(storyRow(bundle.coverage, 3)?.status).toBe('not_covered');
  });
});

describe('fix 14d: a list filtered by a word before or after its noun', () => {
  it('"list dormant accounts", where accounts are `active, dormant or closed`, is ?status=dormant', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Accounts',
      description: 'Each account has an owner. Accounts are active, dormant or closed.',
      stories: [
        'As a clerk I can open an account',
        'As a clerk I can mark an account as dormant',
        'As a clerk I can list dormant accounts',
      ],
    });
    const send = serviceOf(bundle);
    await send('POST /accounts', { body: { owner: 'a' } });
    await send('POST /accounts', { body: { owner: 'b' } });
    await send('POST /accounts/{id}/mark-dormant', first);
    const dormant = await send('GET /accounts', { query: { status: 'dormant' } });
    expect(itemsOf(dormant.json).map((item) => item['id'])).toEqual(['id-1']);
    expect(storyRow(bundle.coverage, 3)?.status).toBe('covered');
  });

  it('"list vegan recipes", where recipes have `a diet (vegan, vegetarian or any)`, is ?diet=vegan', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Recipes',
      description: 'Each recipe has a title and a diet (vegan, vegetarian or any).',
      stories: ['As a cook I can add a recipe', 'As a cook I can list vegan recipes'],
    });
    const send = serviceOf(bundle);
    await send('POST /recipes', { body: { title: 'a', diet: 'vegan' } });
    await send('POST /recipes', { body: { title: 'b', diet: 'any' } });
    const vegan = await send('GET /recipes', { query: { diet: 'vegan' } });
    expect(itemsOf(vegan.json).map((item) => item['id'])).toEqual(['id-1']);
    expect(storyRow(bundle.coverage, 2)?.status).toBe('covered');
  });
});

describe('fix 14d: `only` with roles and objects of several words', () => {
  it('"Only site reliability engineers can resolve an incident." restricts resolve to site-reliability-engineer (403 without)', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Incidents',
      description:
        'An incident API. Each incident has a title. Incidents are open or resolved. Only site reliability engineers can resolve an incident.',
      stories: ['As an engineer I can open an incident', 'As an engineer I can resolve an incident'],
    });
    const send = serviceOf(bundle);
    await send('POST /incidents', { body: { title: 'x' } });
    expect((await send('POST /incidents/{id}/resolve', first)).statusCode).toBe(403);
    expect(fileContent(bundle, 'src/routes.ts')).toMatch(/roles: \['site-reliability-engineer'\]/);
  });

  it('"Only the security review board may close an incident report." restricts the compound resource\'s close, not another resource', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Incident reports',
      description:
        'Each incident report has a summary. Incident reports are open or closed. Only the security review board may close an incident report.',
      stories: [
        'As an analyst I can file an incident report',
        'As an analyst I can close an incident report',
        'As an analyst I can list incident reports',
      ],
    });
    const send = serviceOf(bundle);
    await send('POST /incident-reports', { body: { summary: 'x' } });
    expect((await send('POST /incident-reports/{id}/close', first)).statusCode).toBe(403);
    expect((await send('GET /incident-reports')).statusCode).toBe(200);
  });

  it('"Only members of the team can close tickets." names no role: nothing is restricted and the sentence is not met', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Tickets',
      description:
        'Each ticket has a title. Tickets are open or closed. Only members of the team can close tickets.',
      stories: ['As an agent I can open a ticket', 'As an agent I can close a ticket'],
    });
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/roles: \[/);
  });
});

describe('fix 14d: a singular article names one value', () => {
  it('"a series (main, spinoff or special)" is one text value of those; "tags" stays a list', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Films',
      description: 'Each film has a title, a series (main, spinoff or special) and a release year.',
      stories: ['As an editor I can add a film'],
    });
    const send = serviceOf(bundle);
    expect((await send('POST /films', { body: { title: 'a', series: 'main' } })).statusCode).toBe(201);
    expect((await send('POST /films', { body: { title: 'a', series: 'prequel' } })).statusCode).toBe(400);
    expect((await send('POST /films', { body: { title: 'a', series: ['main'] } })).statusCode).toBe(400);
  });

  it('"with one or more tags" is still a list', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Notes',
      stories: ['As a user I can create a note with one or more tags'],
    });
    const send = serviceOf(bundle);
    expect((await send('POST /notes', { body: { tags: ['a'] } })).statusCode).toBe(201);
  });
});

describe("fix 14d: a participle after a list's noun", () => {
  it('"list subscriptions renewing this week" lists subscriptions, saying the time is no filter; never a resource `renewing`', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Subscriptions',
      description: 'Each subscription has a plan.',
      stories: [
        'As a user I can create a subscription',
        'As a user I can list subscriptions renewing this week',
      ],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/renewing/);
    const row = storyRow(bundle.coverage, 2);
    expect(row?.implementedBy).toMatch(/GET \/subscriptions lists/);
    expect(gapsOf(row)).toMatch(/renewing this week/);
  });

  it('"list trials ending soon" lists trials and says "ending soon" shaped nothing', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Trials',
      stories: ['As a user I can start a trial', 'As a user I can list trials ending soon'],
    });
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/collection: 'soons'|collection: 'endings'/);
    expect(storyRow(bundle.coverage, 2)?.status).toBe('partial');
  });
});

describe('fix 14d: "Only X can be <verb>ed" with no route doing the verb', () => {
  it('"Only approved articles can be syndicated." is never met by the approve route', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Articles',
      description:
        'Each article has a title. Articles are draft or approved. Only approved articles can be syndicated.',
      stories: ['As a writer I can write an article', 'As an editor I can approve an article'],
    });
    const row = sentenceRow(bundle.coverage, 3);
    expect(row?.status).not.toBe('covered');
    expect(gapsOf(row)).toMatch(/syndicated/);
  });
});
