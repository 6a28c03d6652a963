import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import { connectedStatusBoard } from '../../../src/pipeline/task/connected-status-board.js';

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const BOT = 'implementation-agent[bot]';
const KEY = Buffer.alloc(32, 3);
const TASK = 'acme/shop#7';
/** Octokit logs every refused request; the tests assert what the board does with them instead. */
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 }, log: quiet });
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });

afterEach(() => nock.cleanAll());

/** Run A's status comment as GitHub lists it: created a moment before this run's, so its id is lower. */
function otherRunsBoard(id: number, trigger: string) {
  const marker: TaskMarker = {
    task_id: TASK,
    state: 'generating',
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-29T11:00:00.000Z',
    version: 3,
    created_at: '2026-11-29T11:00:00.000Z',
    handled_triggers: [trigger],
    writes: ['0a0a0a0a'],
  };
  return { id, user: { login: BOT, type: 'Bot' }, body: renderStatusComment({ marker, signingKey: KEY }) };
}

/** This run's board on issue 7, which had no status comment when the run read it. */
function newBoard(trigger: string, log: string[] = []) {
  return connectedStatusBoard({
    client: octokit,
    trust,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    taskId: TASK,
    existing: undefined,
    trigger,
    log: (line) => log.push(line),
    now: () => new Date('2026-11-29T11:00:01.000Z'),
    settle: async () => undefined,
  });
}

/** nock for the issue: this run's created comment answers with `createdId`; each body sent is kept. */
function issue(createdId: number) {
  const scope = nock(API);
  const sent: Array<{ method: string; id?: number; body: string }> = [];
  let created = '';
  scope.post(`${REPO}/issues/7/comments`).reply(201, (_uri, body) => {
    created = (body as { body: string }).body;
    sent.push({ method: 'POST', body: created });
    return { id: createdId, body: created, user: { login: BOT, type: 'Bot' } };
  });
  return {
    scope,
    sent,
    /** The listing after the create: `others` and this run's comment, in id order as GitHub lists them. */
    listed: (others: ReturnType<typeof otherRunsBoard>[]) =>
      scope
        .get(`${REPO}/issues/7/comments`)
        .query({ per_page: 100, page: 1 })
        .reply(200, () =>
          [...others, { id: createdId, user: { login: BOT, type: 'Bot' }, body: created }].sort(
            (a, b) => a.id - b.id,
          ),
        ),
    patched: (id: number) =>
      scope.patch(`${REPO}/issues/comments/${id}`).reply(200, (_uri, body) => {
        sent.push({ method: 'PATCH', id, body: (body as { body: string }).body });
        return { id, body: (body as { body: string }).body };
      }),
    readBack: (id: number) =>
      scope.get(`${REPO}/issues/comments/${id}`).reply(200, () => ({
        id,
        body: sent.filter((each) => each.id === id).at(-1)?.body,
        user: { login: BOT, type: 'Bot' },
      })),
  };
}

describe('two runs that both create the status comment', () => {
  it('the younger run applies its step on the oldest board and deletes its own: one board, both triggers', async () => {
    const github = issue(1002);
    github.listed([otherRunsBoard(1001, 'opened')]);
    github.scope.delete(`${REPO}/issues/comments/1002`).reply(204);
    github.patched(1001);
    github.readBack(1001);
    const log: string[] = [];

    await newBoard('dispatch:abc', log).move('generating', { patch: { attempt: 1 } });

    expect(github.scope.isDone()).toBe(true);
    const kept = parseStateMarker(github.sent.at(-1)!.body)!;
    expect(github.sent.at(-1)?.id).toBe(1001);
    expect(kept.handled_triggers).toEqual(['opened', 'dispatch:abc']);
    expect(kept.state).toBe('generating');
    // Built on the other run's record, not on this run's second one.
    expect(kept.created_at).toBe('2026-11-29T11:00:00.000Z');
    expect(kept.writes?.[0]).toBe('0a0a0a0a');
    expect(log.join('\n')).toContain('keeping the oldest (1001)');
  });

  it('the older run keeps its board and reads nothing more: the listing was its read-back', async () => {
    const github = issue(1001);
    github.listed([otherRunsBoard(1002, 'dispatch:abc')]);

    await newBoard('opened').move('generating', { patch: { attempt: 1 } });

    expect(github.scope.isDone()).toBe(true);
    expect(github.sent.map((each) => each.method)).toEqual(['POST']);
  });

  it('a comment GitHub will not delete is edited into a note without a marker, so no reader takes it for the status', async () => {
    const github = issue(1002);
    github.listed([otherRunsBoard(1001, 'opened')]);
    github.scope
      .delete(`${REPO}/issues/comments/1002`)
      .reply(403, { message: 'Resource not accessible by integration' });
    github.patched(1002);
    github.patched(1001);
    github.readBack(1001);

    await newBoard('dispatch:abc').move('generating', { patch: { attempt: 1 } });

    expect(github.scope.isDone()).toBe(true);
    const note = github.sent.find((each) => each.id === 1002)!.body;
    expect(parseStateMarker(note)).toBeUndefined();
    expect(note).toContain('#issuecomment-1001');
    expect(parseStateMarker(github.sent.at(-1)!.body)?.handled_triggers).toEqual(['opened', 'dispatch:abc']);
  });

  it("another agent's or a forged comment is never taken for the oldest board", async () => {
    const github = issue(1002);
    const forged = { ...otherRunsBoard(1001, 'opened'), user: { login: 'mallory', type: 'User' } };
    github.listed([forged]);

    await newBoard('dispatch:abc').move('generating', { patch: { attempt: 1 } });

    expect(github.scope.isDone()).toBe(true);
    expect(github.sent.map((each) => each.method)).toEqual(['POST']);
  });
});
