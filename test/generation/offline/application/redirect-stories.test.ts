import { storyIntent } from '../../../../src/generation/offline/naming/story-intent.js';
import { loadGenerated } from '../generated-modules.js';
import { fileContent, generate } from '../offline-test-requests.js';

describe('a story asking to be redirected is an HTTP answer, not a notice nor a resource', () => {
  it('reads "I am redirected" and "I am forwarded" as not received, "I am alerted" as received', () => {
    expect(
      storyIntent('As a visitor I am redirected to the target when I open a short link', 1).receives,
    ).not.toBe(true);
    expect(storyIntent('As a caller I am forwarded to the new page', 1).receives).not.toBe(true);
    expect(storyIntent('As an owner I am alerted when a link breaks', 1).receives).toBe(true);
  });

  it('makes no route for it and lists it as a redirect not generated, naming the field when the model has one', async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Go links',
      stories: [
        'As an employee I can create a go link',
        'As a reader I am forwarded to the page when I open a go link',
      ],
    });
    const row = bundle.coverage?.find((one) => one.source.kind === 'story' && one.source.number === 2);
    expect(row?.status).toBe('not_covered');
    expect(row?.gaps.join(' ')).toMatch(/a redirect \(an HTTP 302 with a Location header\)/);
    expect(row?.gaps.join(' ')).toMatch(/no URL field/);
    expect(row?.gaps.join(' ')).not.toMatch(/notice|an alert, an email/);
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/forward|pages/);
  });

  it("answers 302 with the item's URL when the model has one, never sending a visitor to a javascript: URL (fix 11: was listed as not covered)", async () => {
    const { bundle } = await generate({
      taskType: 'application',
      taskName: 'Link shortener',
      description: 'Each link has a target URL and a slug.',
      stories: [
        'As an employee I can create a short link',
        'As a visitor I am redirected to the target when I open a short link',
      ],
    });
    const row = bundle.coverage?.find((one) => one.source.kind === 'story' && one.source.number === 2);
    expect(row?.status).toBe('covered');
    expect(row?.implementedBy).toMatch(
      /^GET \/short-links\/\{id\}\/visit answers 302 with Location a short link's targetUrl/,
    );
    const loaded = loadGenerated(bundle, [
      ['src/app.ts', ['createApp']],
      ['src/item-repository.ts', ['InMemoryItemRepository']],
    ]);
    type Answer = { statusCode: number; headers: Record<string, string>; body: string };
    const createApp = loaded['createApp'] as (
      deps: Record<string, unknown>,
    ) => (event: Record<string, unknown>) => Promise<Answer>;
    const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
    let counter = 0;
    const app = createApp({
      repository: new Repository(),
      newId: () => `l-${++counter}`,
      now: () => new Date(0),
    });
    await app({
      routeKey: 'POST /short-links',
      headers: {},
      body: JSON.stringify({ targetUrl: 'https://example.com/a', slug: 'a' }),
    });
    await app({
      routeKey: 'POST /short-links',
      headers: {},
      body: JSON.stringify({ targetUrl: 'javascript:alert(1)', slug: 'b' }),
    });
    const visit = await app({
      routeKey: 'GET /short-links/{id}/visit',
      headers: {},
      pathParameters: { id: 'l-1' },
    });
    expect(visit.statusCode).toBe(302);
    expect(visit.headers['location']).toBe('https://example.com/a');
    expect(
      (await app({ routeKey: 'GET /short-links/{id}/visit', headers: {}, pathParameters: { id: 'l-2' } }))
        .statusCode,
    ).toBe(409);
    expect(
      (await app({ routeKey: 'GET /short-links/{id}/visit', headers: {}, pathParameters: { id: 'none' } }))
        .statusCode,
    ).toBe(404);
    const sentence = bundle.coverage?.find(
      (one) => one.source.kind === 'description' && one.source.sentence === 1,
    );
    expect(sentence?.gaps.join(' ')).not.toMatch(/by its slug/);
  });
});
