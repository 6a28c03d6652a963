import { renderStatusComment } from '../../src/core/render/status-comment.js';
import { markerKeysFrom, type MarkerKeys } from '../../src/core/state/marker-keys.js';
import type { TaskMarker } from '../../src/core/state/state-marker.js';
import {
  findStatusComment,
  writeStatusComment,
  type MarkerAuthority,
  type StatusCommentClient,
} from '../../src/github/status-comment.js';

type Comment = Awaited<ReturnType<StatusCommentClient['issues']['listComments']>>['data'][number];

const MARKER: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 2,
  pull_number: 12,
  cost_usd: 0.42,
  updated_at: '2026-11-24T10:00:00.000Z',
};
const KEYS = markerKeysFrom({ secret: 'webhook-secret' }) as MarkerKeys;
const BOT = { login: 'implementation-agent[bot]', type: 'Bot' };
const ACTIONS = { login: 'github-actions[bot]', type: 'Bot' };
const PERSON = { login: 'mallory', type: 'User' };
const APP: MarkerAuthority = { identity: 'implementation-agent[bot]', keys: KEYS };

const chatter = (id: number): Comment => ({ id, body: `comment ${id}`, user: PERSON });
const statusComment = (
  id: number,
  marker: TaskMarker = MARKER,
  options: { user?: Comment['user']; key?: Buffer | null } = {},
): Comment => {
  const key = options.key === undefined ? KEYS.current : (options.key ?? undefined);
  return {
    id,
    body: renderStatusComment({ marker, ...(key === undefined ? {} : { signingKey: key }) }),
    user: options.user === undefined ? BOT : options.user,
  };
};

/** An issue whose comments the fake serves in pages, recording every call it gets. */
function fakeIssue(comments: Comment[]) {
  const calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async (params) => {
        calls.push({ method: 'listComments', params });
        const start = (params.page - 1) * params.per_page;
        return { data: comments.slice(start, start + params.per_page) };
      },
      createComment: async (params) => {
        calls.push({ method: 'createComment', params });
        return { data: { id: 555 } };
      },
      updateComment: async (params) => {
        calls.push({ method: 'updateComment', params });
        return {};
      },
    },
  };
  const pagesRead = () =>
    calls.filter((call) => call.method === 'listComments').map((call) => call.params.page);
  return { client, calls, pagesRead };
}

const find = (client: StatusCommentClient, authority: MarkerAuthority = APP) =>
  findStatusComment({ client, owner: 'acme', repo: 'shop', repositoryId: 4242, issueNumber: 7, authority });

describe('findStatusComment', () => {
  it("finds the agent's signed status comment and trusts it", async () => {
    const issue = fakeIssue([chatter(1), statusComment(2), chatter(3)]);
    await expect(find(issue.client)).resolves.toMatchObject({
      commentId: 2,
      marker: MARKER,
      trust: 'trusted',
      signedWith: 'current',
    });
    expect(issue.calls).toEqual([
      {
        method: 'listComments',
        params: { owner: 'acme', repo: 'shop', issue_number: 7, per_page: 100, page: 1 },
      },
    ]);
  });

  it('ignores a marker pasted by a person, even one signed with the real key', async () => {
    const forged = statusComment(2, { ...MARKER, state: 'approved' }, { user: PERSON });
    const issue = fakeIssue([chatter(1), forged, statusComment(3)]);
    await expect(find(issue.client)).resolves.toMatchObject({
      commentId: 3,
      marker: MARKER,
      trust: 'trusted',
    });
  });

  it("ignores another bot's marker, so the agent never edits that bot's comment", async () => {
    const other = statusComment(2, MARKER, { user: { login: 'renovate[bot]', type: 'Bot' } });
    const issue = fakeIssue([other]);
    await expect(find(issue.client)).resolves.toBeUndefined();
  });

  it('ignores a marker naming another issue, even signed by the agent', async () => {
    const elsewhere = statusComment(2, { ...MARKER, task_id: 'acme/shop#8' });
    const otherRepo = statusComment(3, { ...MARKER, task_id: 'acme/other#7' });
    const issue = fakeIssue([elsewhere, otherRepo]);
    await expect(find(issue.client)).resolves.toBeUndefined();
  });

  it('ignores a marker whose signature does not hold, and keeps an unsigned one for display only', async () => {
    const wrongKey = statusComment(2, { ...MARKER, state: 'merged' }, { key: Buffer.alloc(32, 1) });
    const unsigned = statusComment(3, { ...MARKER, state: 'failed' }, { key: null });
    const issue = fakeIssue([wrongKey, unsigned]);
    await expect(find(issue.client)).resolves.toMatchObject({
      commentId: 3,
      marker: { state: 'failed' },
      trust: 'display-only',
      reason: 'is not signed, although a marker key is configured',
    });
  });

  it('prefers a trusted status to an earlier display-only one', async () => {
    const issue = fakeIssue([
      statusComment(2, { ...MARKER, state: 'failed' }, { key: null }),
      statusComment(3),
    ]);
    await expect(find(issue.client)).resolves.toMatchObject({ commentId: 3, trust: 'trusted' });
  });

  it('reads only the marker on the last line: one quoted inside the body is not the state', async () => {
    const real = statusComment(2);
    const pasted = { ...real, body: `${real.body}\nand a word after it` };
    const issue = fakeIssue([pasted]);
    await expect(find(issue.client)).resolves.toBeUndefined();
  });

  it('under GITHUB_TOKEN without a key, keeps github-actions[bot] markers for display only', async () => {
    const actions: MarkerAuthority = { identity: 'github-actions[bot]', keys: undefined };
    const issue = fakeIssue([statusComment(2, MARKER, { user: ACTIONS, key: null })]);
    await expect(find(issue.client, actions)).resolves.toMatchObject({
      commentId: 2,
      trust: 'display-only',
      reason: expect.stringContaining('every workflow of the repository can write as'),
    });
  });

  it("with an App token and no key, trusts the App's own identity alone", async () => {
    const appToken: MarkerAuthority = { identity: 'acme-agent[bot]', keys: undefined };
    const issue = fakeIssue([
      statusComment(2, MARKER, { user: { login: 'acme-agent[bot]', type: 'Bot' }, key: null }),
    ]);
    await expect(find(issue.client, appToken)).resolves.toMatchObject({ commentId: 2, trust: 'trusted' });
  });

  it('answers undefined when only forged, ghost-authored or broken markers exist', async () => {
    const ghost: Comment = { ...statusComment(3), user: null };
    const broken: Comment = { id: 4, body: '<!-- implementation-agent:state {"task_id": -->', user: BOT };
    const bodiless: Comment = { id: 5, user: BOT };
    const forged: Comment = { ...statusComment(6), user: PERSON };
    const issue = fakeIssue([chatter(1), ghost, broken, bodiless, forged]);
    await expect(find(issue.client)).resolves.toBeUndefined();
  });

  it('reads every page: a later trusted marker may say a later state', async () => {
    const comments = [
      ...Array.from({ length: 230 }, (_, index) => chatter(index + 1)),
      statusComment(231),
      ...Array.from({ length: 200 }, (_, index) => chatter(index + 232)),
    ];
    const issue = fakeIssue(comments);
    await expect(find(issue.client)).resolves.toMatchObject({ commentId: 231, marker: MARKER });
    expect(issue.pagesRead()).toEqual([1, 2, 3, 4, 5]);
  });

  it('prefers the trusted marker with the highest record version: a replayed older signed marker loses', async () => {
    const live = { ...MARKER, state: 'merged' as const, version: 9, updated_at: '2026-11-24T12:00:00.000Z' };
    const older = { ...MARKER, state: 'pr_open' as const, version: 4 };
    // The older marker, signed by the agent back then, copied into a newer comment by its own identity.
    const issue = fakeIssue([statusComment(1, live), chatter(2), statusComment(3, older)]);
    await expect(find(issue.client)).resolves.toMatchObject({ commentId: 1, marker: { state: 'merged' } });
    const replayedFirst = fakeIssue([statusComment(1, older), statusComment(3, live)]);
    await expect(find(replayedFirst.client)).resolves.toMatchObject({ commentId: 3, marker: { version: 9 } });
  });

  it('keeps the first trusted marker when versions and times are equal', async () => {
    const issue = fakeIssue([statusComment(1), statusComment(2)]);
    await expect(find(issue.client)).resolves.toMatchObject({ commentId: 1 });
  });

  it('reads on past a display-only status for a trusted one, to the last page', async () => {
    const comments = [
      statusComment(1, MARKER, { key: null }),
      ...Array.from({ length: 150 }, (_, index) => chatter(index + 2)),
    ];
    const issue = fakeIssue(comments);
    await expect(find(issue.client)).resolves.toMatchObject({ commentId: 1, trust: 'display-only' });
    expect(issue.pagesRead()).toEqual([1, 2]);
  });

  it('stops at the first short page when there is no status comment', async () => {
    const issue = fakeIssue(Array.from({ length: 250 }, (_, index) => chatter(index + 1)));
    await expect(find(issue.client)).resolves.toBeUndefined();
    expect(issue.pagesRead()).toEqual([1, 2, 3]);
  });

  it('reads one empty page after an exactly full last page', async () => {
    const issue = fakeIssue(Array.from({ length: 100 }, (_, index) => chatter(index + 1)));
    await expect(find(issue.client)).resolves.toBeUndefined();
    expect(issue.pagesRead()).toEqual([1, 2]);
  });

  it('reads a single page for an issue without comments', async () => {
    const issue = fakeIssue([]);
    await expect(find(issue.client)).resolves.toBeUndefined();
    expect(issue.pagesRead()).toEqual([1]);
  });
});

describe('writeStatusComment', () => {
  const body = renderStatusComment({ marker: MARKER });

  it('edits the existing comment in place when its id is known', async () => {
    const issue = fakeIssue([]);
    const id = await writeStatusComment({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      commentId: 42,
      body,
    });
    expect(id).toEqual({ commentId: 42 });
    expect(issue.calls).toEqual([
      { method: 'updateComment', params: { owner: 'acme', repo: 'shop', comment_id: 42, body } },
    ]);
  });

  it('creates the comment the first time and returns the new id', async () => {
    const issue = fakeIssue([]);
    const id = await writeStatusComment({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      commentId: undefined,
      body,
    });
    expect(id).toEqual({ commentId: 555 });
    expect(issue.calls).toEqual([
      { method: 'createComment', params: { owner: 'acme', repo: 'shop', issue_number: 7, body } },
    ]);
  });
});
