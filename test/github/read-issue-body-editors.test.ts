import { Octokit } from '@octokit/rest';
import nock from 'nock';
import {
  DELETED_EDITOR,
  EDITS_PAGE_SIZE,
  ISSUE_BODY_EDITS_QUERY,
  MAX_EDIT_PAGES,
  readIssueBodyEditors,
} from '../../src/github/read-issue-body-editors.js';

const API = 'https://api.github.com';
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 } });
const graphql = (query: string, variables?: Record<string, unknown>) => octokit.graphql(query, variables);
const target = { graphql, owner: 'Codertocat', repo: 'Hello-World', issueNumber: 1 };

/** One `UserContentEdit` node as GitHub answers it (`editor` is an `Actor`; null for a deleted account). */
function edit(
  login: string | null,
  databaseId: number,
  typename = 'User',
  editedAt = '2026-11-24T09:00:00Z',
) {
  return {
    editedAt,
    editor: login === null ? null : { __typename: typename, login, databaseId },
  };
}

/** A page of `Issue.userContentEdits`, as GitHub answers the query. */
function page(nodes: unknown[], next: string | null = null) {
  return {
    data: {
      repository: {
        issue: {
          userContentEdits: {
            nodes,
            pageInfo: { hasNextPage: next !== null, endCursor: next ?? 'Y3Vyc29yOnYyOpHOAAAAAQ==' },
          },
        },
      },
    },
  };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('readIssueBodyEditors', () => {
  it("reads every editor of the body once, the author's creation entry included", async () => {
    const sent: unknown[] = [];
    const scope = nock(API)
      .post('/graphql', (body: unknown) => (sent.push(body), true))
      .reply(
        200,
        page([
          edit('Codertocat', 21031067, 'User', '2026-11-24T09:00:00Z'),
          edit('octo-editor', 5001, 'User', '2026-11-24T09:05:00Z'),
          edit('octo-editor', 5001, 'User', '2026-11-24T09:07:00Z'),
          edit('dependabot', 49699333, 'Bot', '2026-11-24T09:09:00Z'),
        ]),
      );

    const editors = await readIssueBodyEditors(target);

    expect(editors).toEqual({
      kind: 'known',
      editors: [
        { login: 'Codertocat', id: 21031067, type: 'User' },
        { login: 'octo-editor', id: 5001, type: 'User' },
        { login: 'dependabot', id: 49699333, type: 'Bot' },
      ],
    });
    expect(sent).toEqual([
      {
        query: ISSUE_BODY_EDITS_QUERY,
        variables: { owner: 'Codertocat', repo: 'Hello-World', number: 1, after: null },
      },
    ]);
    expect(ISSUE_BODY_EDITS_QUERY).toContain(`userContentEdits(first: ${EDITS_PAGE_SIZE}, after: $after)`);
    expect(scope.isDone()).toBe(true);
  });

  it('a body never edited has no editors (GitHub lists no edits)', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, {
        data: {
          repository: {
            issue: { userContentEdits: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } },
          },
        },
      });
    expect(await readIssueBodyEditors(target)).toEqual({ kind: 'known', editors: [] });
  });

  it('follows the cursor to the next page', async () => {
    const cursors: unknown[] = [];
    const scope = nock(API)
      .post(
        '/graphql',
        (body: { variables: { after: unknown } }) => (cursors.push(body.variables.after), true),
      )
      .reply(200, page([edit('Codertocat', 21031067)], 'Y3Vyc29yOnYyOpHOAAAAZA=='))
      .post(
        '/graphql',
        (body: { variables: { after: unknown } }) => (cursors.push(body.variables.after), true),
      )
      .reply(200, page([edit('octo-editor', 5001)]));

    const editors = await readIssueBodyEditors(target);

    expect(editors).toEqual({
      kind: 'known',
      editors: [
        { login: 'Codertocat', id: 21031067, type: 'User' },
        { login: 'octo-editor', id: 5001, type: 'User' },
      ],
    });
    expect(cursors).toEqual([null, 'Y3Vyc29yOnYyOpHOAAAAZA==']);
    expect(scope.isDone()).toBe(true);
  });

  it(`a history longer than ${MAX_EDIT_PAGES} pages is unknown: the editors on the pages not read could approve`, async () => {
    let pages = 0;
    const scope = nock(API)
      .post('/graphql')
      .times(MAX_EDIT_PAGES)
      .reply(() => [200, page([edit('Codertocat', 21031067)], `cursor-${++pages}`)]);

    const editors = await readIssueBodyEditors(target);

    expect(editors).toEqual({
      kind: 'unknown',
      why: `it was edited more than ${MAX_EDIT_PAGES * EDITS_PAGE_SIZE} times, more than the agent reads`,
      // The history only grows: reading it again cannot help.
      lasting: true,
    });
    expect(pages).toBe(MAX_EDIT_PAGES);
    expect(scope.isDone()).toBe(true);
  });

  it('a GraphQL error answer is unknown, with what GitHub said', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, {
        data: { repository: { issue: null } },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository', 'issue'],
            locations: [{ line: 3, column: 5 }],
            message: 'Could not resolve to an issue or pull request with the number of 1.',
          },
        ],
      });

    expect(await readIssueBodyEditors(target)).toEqual({
      kind: 'unknown',
      why: 'GitHub did not give its edit history (Could not resolve to an issue or pull request with the number of 1.)',
    });
  });

  it('an HTTP failure is unknown, not thrown', async () => {
    nock(API).post('/graphql').reply(502, { message: 'Server Error' });
    const editors = await readIssueBodyEditors(target);
    expect(editors.kind).toBe('unknown');
    expect(editors).toMatchObject({ why: expect.stringMatching(/^GitHub did not give its edit history \(/) });
  });

  it('an edit whose editor GitHub shows as null (a deleted account, "ghost") makes the editors unknown for good', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, page([edit('Codertocat', 21031067), edit(null, 0)]));
    expect(await readIssueBodyEditors(target)).toEqual({
      kind: 'unknown',
      why: DELETED_EDITOR,
      lasting: true,
    });
    expect(DELETED_EDITOR).toMatch(/deleted.*"ghost"/);
  });

  it('an edit GitHub leaves out of the history (a null node) is unknown, not lasting', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, page([edit('Codertocat', 21031067), null]));
    expect(await readIssueBodyEditors(target)).toEqual({
      kind: 'unknown',
      why: 'GitHub left an edit of it out of its edit history',
    });
  });

  it('an answer of another shape is unknown', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, { data: { repository: { issue: { userContentEdits: { nodes: 'none' } } } } });
    expect(await readIssueBodyEditors(target)).toEqual({
      kind: 'unknown',
      why: 'GitHub gave its edit history in an unexpected shape',
    });
  });

  it('a next page without a cursor is unknown', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, {
        data: {
          repository: {
            issue: {
              userContentEdits: {
                nodes: [edit('Codertocat', 21031067)],
                pageInfo: { hasNextPage: true, endCursor: null },
              },
            },
          },
        },
      });
    expect(await readIssueBodyEditors(target)).toEqual({
      kind: 'unknown',
      why: 'GitHub gave no cursor to the rest of its edits',
    });
  });
});
