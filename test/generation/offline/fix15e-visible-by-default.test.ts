import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { serviceOf } from './generated-service.js';
import { fileContent, generate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/**
 * fix15e: `Only published articles are visible to readers.` makes the list of articles keep
 * `published` ones unless `?status=` names another (`?status=any` lists them all), read through the
 * generated handler; the row cites the generated test that a draft is not listed, and stays partial:
 * any caller can still ask for drafts, since the service does not know who reads.
 */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

const blog = (rule: string, stories?: readonly string[]): RequestShape => ({
  taskType: 'application',
  taskName: 'Blog api',
  description: `An API for articles. Each article has a title and a body. Articles are draft or published. ${rule}`,
  stories: stories ?? [
    'As an editor I can create an article',
    'As an editor I can publish an article',
    'As a reader I can list articles',
  ],
});

const ids = (answer: { json: Record<string, unknown> }) =>
  (answer.json['items'] as { id: string }[]).map((item) => item.id);

describe('a visibility rule sets the list default status', () => {
  it('lists only published articles without ?status=, the others when asked', async () => {
    const { bundle } = await generate(blog('Only published articles are visible to readers.'));
    const send = serviceOf(bundle);
    const draft = (await send('POST /articles', { body: { title: 'a' } })).json['id'] as string;
    const published = (await send('POST /articles', { body: { title: 'b' } })).json['id'] as string;
    expect(
      (await send('POST /articles/{id}/publish', { pathParameters: { id: published } })).statusCode,
    ).toBe(200);
    expect(ids(await send('GET /articles'))).toEqual([published]);
    expect(ids(await send('GET /articles', { query: { status: 'draft' } }))).toEqual([draft]);
    expect(ids(await send('GET /articles', { query: { status: 'any' } }))).toEqual([draft, published]);
    expect((await send('GET /articles', { query: { status: 'hidden' } })).statusCode).toBe(400);
  });

  it('the row cites the generated test and says why it is partial; the test is generated', async () => {
    const { bundle } = await generate(blog('Only published articles are visible to readers.'));
    const row = sentenceRow(bundle.coverage, 4);
    expect(row?.status).toBe('partial');
    expect(row?.implementedBy).toContain(
      'GET /articles lists only published articles unless ?status= names another',
    );
    const title = 'GET /articles lists only published articles unless ?status= names another';
    expect(row?.tests.map((test) => test.title)).toContain(title);
    expect((row?.gaps ?? []).join(' ')).toContain('any caller can still ask GET /articles?status=');
    const tests = fileContent(bundle, 'test/app.test.ts');
    expect(tests).toContain(title);
    // The lifecycle and list story tests list the drafts they make by lifting the default.
    expect(tests).toContain(
      "expect(ids(await call('GET /articles', { query: { status: 'any' } }))).toEqual([id]);",
    );
    expect(fileContent(bundle, 'src/routes.ts')).toContain("default: 'published'");
    expect(fileContent(bundle, 'README.md')).toContain('`?status=any` lists them all');
  });

  it('keeps a story status filter and adds the default to it', async () => {
    const { bundle } = await generate(
      blog('Only published articles are listed.', [
        'As an editor I can create an article',
        'As an editor I can publish an article',
        'As an editor I can list articles by status',
      ]),
    );
    const send = serviceOf(bundle);
    const draft = (await send('POST /articles', { body: { title: 'a' } })).json['id'] as string;
    expect(ids(await send('GET /articles'))).toEqual([]);
    expect(ids(await send('GET /articles', { query: { status: 'draft' } }))).toEqual([draft]);
  });

  it('a default that is the first status hides the moved ones', async () => {
    const { bundle } = await generate(
      blog('Articles can also be archived. Only draft articles are shown.', [
        'As an editor I can create an article',
        'As an editor I can archive an article',
        'As an editor I can list articles',
      ]),
    );
    const send = serviceOf(bundle);
    const kept = (await send('POST /articles', { body: { title: 'a' } })).json['id'] as string;
    const archived = (await send('POST /articles', { body: { title: 'b' } })).json['id'] as string;
    expect((await send('POST /articles/{id}/archive', { pathParameters: { id: archived } })).statusCode).toBe(
      200,
    );
    expect(ids(await send('GET /articles'))).toEqual([kept]);
    expect(sentenceRow(bundle.coverage, 5)?.tests.map((test) => test.title)).toContain(
      'GET /articles lists only draft articles unless ?status= names another',
    );
  });

  it('a sentence that names no status of the model sets no default', async () => {
    const { bundle } = await generate(blog('Only recent articles are visible.'));
    expect(fileContent(bundle, 'src/routes.ts')).not.toContain('default:');
    expect(ids(await serviceOf(bundle)('GET /articles'))).toEqual([]);
  });
});
