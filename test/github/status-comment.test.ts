import { renderStatusComment } from '../../src/core/render/status-comment.js';
import type { TaskMarker } from '../../src/core/state/state-marker.js';
import {
  findStatusComment,
  writeStatusComment,
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
const BOT = { login: 'implementation-agent[bot]', type: 'Bot' };
const PERSON = { login: 'mallory', type: 'User' };

const chatter = (id: number): Comment => ({ id, body: `comment ${id}`, user: PERSON });
const statusComment = (id: number, marker: TaskMarker = MARKER): Comment => ({
  id,
  body: renderStatusComment({ marker }),
  user: BOT,
});

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

const find = (client: StatusCommentClient) =>
  findStatusComment({ client, owner: 'acme', repo: 'shop', issueNumber: 7 });

describe('findStatusComment', () => {
  it('finds the marker comment written by a bot and reads its state', async () => {
    const issue = fakeIssue([chatter(1), statusComment(2), chatter(3)]);
    await expect(find(issue.client)).resolves.toEqual({ commentId: 2, marker: MARKER });
    expect(issue.calls).toEqual([
      {
        method: 'listComments',
        params: { owner: 'acme', repo: 'shop', issue_number: 7, per_page: 100, page: 1 },
      },
    ]);
  });

  it('ignores a marker pasted into a comment by a person', async () => {
    const forged: Comment = {
      id: 2,
      body: renderStatusComment({ marker: { ...MARKER, state: 'approved' } }),
      user: PERSON,
    };
    const issue = fakeIssue([chatter(1), forged, statusComment(3)]);
    await expect(find(issue.client)).resolves.toEqual({ commentId: 3, marker: MARKER });
  });

  it('answers undefined when only forged, ghost-authored or broken markers exist', async () => {
    const ghost: Comment = { id: 3, body: renderStatusComment({ marker: MARKER }), user: null };
    const broken: Comment = { id: 4, body: '<!-- implementation-agent:state {"task_id": -->', user: BOT };
    const bodiless: Comment = { id: 5, user: BOT };
    const forged: Comment = { ...statusComment(6), user: PERSON };
    const issue = fakeIssue([chatter(1), ghost, broken, bodiless, forged]);
    await expect(find(issue.client)).resolves.toBeUndefined();
  });

  it('pages through full pages until it finds the status comment, then stops', async () => {
    const comments = [
      ...Array.from({ length: 230 }, (_, index) => chatter(index + 1)),
      statusComment(231),
      ...Array.from({ length: 200 }, (_, index) => chatter(index + 232)),
    ];
    const issue = fakeIssue(comments);
    await expect(find(issue.client)).resolves.toEqual({ commentId: 231, marker: MARKER });
    expect(issue.pagesRead()).toEqual([1, 2, 3]);
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
    expect(id).toBe(42);
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
    expect(id).toBe(555);
    expect(issue.calls).toEqual([
      { method: 'createComment', params: { owner: 'acme', repo: 'shop', issue_number: 7, body } },
    ]);
  });
});
