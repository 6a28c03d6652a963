import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { renderStatusComment } from '../../src/core/render/status-comment.js';
import type { TaskMarker } from '../../src/core/state/state-marker.js';
import { readStatusCommentById } from '../../src/github/read-status-comment-by-id.js';

const API = 'https://api.github.com';
const BOT = 'implementation-agent[bot]';
const KEY = Buffer.alloc(32, 8);
const ETAG = 'W/"4f1c0de5a1b2c3d4e5f6a7b8c9d0e1f2"';
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 }, log: quiet });
const marker: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'approved',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  version: 9,
};
const read = (etag?: string) =>
  readStatusCommentById({
    client: octokit,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    commentId: 900,
    authority: { identity: BOT, keys: { current: KEY } },
    ...(etag === undefined ? {} : { etag }),
  });

afterEach(() => nock.cleanAll());

describe('readStatusCommentById: the read-back of a status comment write', () => {
  it("asks with the write's ETag, and GitHub's 304 comes back as unchanged", async () => {
    const scope = nock(API, { reqheaders: { 'if-none-match': ETAG } })
      .get('/repos/acme/shop/issues/comments/900')
      .reply(304, '');
    expect(await read(ETAG)).toBe('unchanged');
    expect(scope.isDone()).toBe(true);
  });

  it("a 200 carries the comment's own ETag on the ref, so the board's next read of it is conditional too", async () => {
    const body = renderStatusComment({ marker, signingKey: KEY });
    const NEXT = 'W/"00000000000000000000000000000009"';
    nock(API)
      .get('/repos/acme/shop/issues/comments/900')
      .reply(200, { id: 900, body, user: { login: BOT, type: 'Bot' } }, { ETag: NEXT });
    const seen = await read();
    expect(seen).toMatchObject({ commentId: 900, etag: NEXT });
  });

  it('a comment changed since the write answers 200 and is judged as it now reads', async () => {
    const body = renderStatusComment({ marker, signingKey: KEY });
    const scope = nock(API, { reqheaders: { 'if-none-match': ETAG } })
      .get('/repos/acme/shop/issues/comments/900')
      .reply(200, { id: 900, body, user: { login: BOT, type: 'Bot' } });
    const seen = await read(ETAG);
    expect(seen).toMatchObject({
      commentId: 900,
      trust: 'trusted',
      marker: { state: 'approved', version: 9 },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('without an ETag it asks unconditionally, and a 304 is never taken for unchanged', async () => {
    const scope = nock(API, { badheaders: ['if-none-match'] })
      .get('/repos/acme/shop/issues/comments/900')
      .reply(304, '');
    await expect(read()).rejects.toMatchObject({ status: 304 });
    expect(scope.isDone()).toBe(true);
  });
});
