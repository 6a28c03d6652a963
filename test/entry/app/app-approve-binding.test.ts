import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const COMMENT_ID = 492700400;
/** The maintainer's `/approve` is a comment of its own, after the held `/implement`. */
const APPROVE_COMMENT_ID = 492700401;
const REQUEST = readExample('orders-api.request.json').trim();
const implement = (request: string) => ['/implement', '', '```json', request, '```'].join('\n');
const EDITED = REQUEST.replace('"task_name": "Orders API"', '"task_name": "Orders Admin API"').replace(
  '"target_environment": "development"',
  '"target_environment": "production"',
);

type Api = ReturnType<typeof githubApi>;

function comment(body: string, sender: string, issueBody = 'We need an orders API.') {
  const payload = webhookExample('issue_comment', 'created');
  payload.comment.body = body;
  if (body.startsWith('/approve')) payload.comment.id = APPROVE_COMMENT_ID;
  payload.sender.login = sender;
  payload.issue.body = issueBody;
  return payload;
}

/** The status comment as the app wrote it, as listComments returns it. */
const asListed = (body: string) => ({ id: 900, user: { login: APP_LOGIN, type: 'Bot' }, body });

function expectApprove(api: Api, statusBody: string) {
  api.installationToken(INSTALLATION_ID);
  api.reaction(APPROVE_COMMENT_ID);
  api.config(undefined);
  api.comments(1, [asListed(statusBody)]);
  api.permission('maintainer', 'maintain');
}

function expectPublish(api: Api, branch: string) {
  api.missingBranch(branch);
  api.branch('master', 'base-sha');
  api.commit('base-sha');
  api.createTree();
  api.createCommit('head-sha');
  api.createRef();
  api.listPulls([]);
  api.createPull(42);
  api.addLabels(42);
  api.checkRun();
  api.approvalCheck();
}

/** An outsider's `/implement` with the request in the comment: held, and the status body the app wrote. */
async function holdFromOutsider(): Promise<string> {
  const api = githubApi({ owner: OWNER, repo: REPO });
  api.installationToken(INSTALLATION_ID);
  api.reaction(COMMENT_ID);
  api.config(undefined);
  api.comments(1);
  api.permission('outsider', 'read');
  api.createComment(1, 900);
  const { receive, errors } = await testProbot();
  await receive('issue_comment', comment(implement(REQUEST), 'outsider'));
  expect(errors).toEqual([]);
  expect(api.scope.isDone()).toBe(true);
  return api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'))?.body
    .body;
}

const lastStatus = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
    ?.body.body as string;

describe('Probot app: a hold is bound to the exact request it showed', () => {
  it('shows the held request and records the digest of exactly that text', async () => {
    const held = await holdFromOutsider();

    const marker = readStateMarker(held)?.marker;
    expect(marker).toMatchObject({ state: 'held', request_comment_id: COMMENT_ID });
    expect(marker?.request_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(held).toContain(`**The request held** (sha256 \`${marker?.request_digest}\`)`);
    expect(held).toContain('"task_name": "Orders API"');
  });

  it('/approve without an edit releases exactly the shown text', async () => {
    const held = await holdFromOutsider();
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectApprove(api, held);
    api.getComment(COMMENT_ID, implement(REQUEST));
    api.updateComment(900);
    expectPublish(api, 'implementation/1-orders-api');
    api.updateComment(900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/approve', 'maintainer'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const pull = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/pulls'))?.body;
    expect(pull.title).toBe('Orders API: application implementation');
    expect(readStateMarker(lastStatus(api))?.marker.state).toBe('pr_open');
  });

  // The issue's example: a held `/implement` from a read-only user, edited after the hold, was
  // generated from the edited text when a maintainer commented `/approve`.
  it('/approve after the request was edited generates nothing and holds it again, showing the change', async () => {
    const held = await holdFromOutsider();
    const heldDigest = readStateMarker(held)?.marker.request_digest;
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectApprove(api, held);
    api.getComment(COMMENT_ID, implement(EDITED));
    api.updateComment(900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/approve', 'maintainer'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.path.includes('/git/') || call.path.endsWith('/pulls'))).toBe(false);
    const again = lastStatus(api);
    const marker = readStateMarker(again)?.marker;
    expect(marker).toMatchObject({ state: 'held', request_comment_id: COMMENT_ID });
    expect(marker?.request_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(marker?.request_digest).not.toBe(heldDigest);
    expect(again).toContain('The request changed after it was held, so `/approve` did not run it');
    expect(again).toContain('- `execution_request.task_name`: `"Orders API"` → `"Orders Admin API"`');
    expect(again).toContain('- `execution_request.target_environment`: `"development"` → `"production"`');
    expect(again).toContain('"task_name": "Orders Admin API"');

    // A second /approve, on what is now shown, releases that version.
    const second = githubApi({ owner: OWNER, repo: REPO });
    second.reaction(APPROVE_COMMENT_ID + 1);
    second.config(undefined);
    second.comments(1, [asListed(again)]);
    second.permission('maintainer', 'maintain');
    second.getComment(COMMENT_ID, implement(EDITED));
    second.updateComment(900);
    expectPublish(second, 'implementation/1-orders-admin-api');
    second.updateComment(900);
    const secondApprove = comment('/approve', 'maintainer');
    secondApprove.comment.id = APPROVE_COMMENT_ID + 1;
    await receive('issue_comment', secondApprove);
    expect(errors).toEqual([]);
    expect(second.scope.isDone()).toBe(true);
    const pull = second.calls.find((call) => call.method === 'POST' && call.path.endsWith('/pulls'))?.body;
    expect(pull.title).toBe('Orders Admin API: application implementation');
  });

  it('holds an edited issue body again as well, when the request lives there', async () => {
    const issueBody = ['```json', REQUEST, '```'].join('\n');
    const hold = githubApi({ owner: OWNER, repo: REPO });
    hold.installationToken(INSTALLATION_ID);
    hold.reaction(COMMENT_ID);
    hold.config(undefined);
    hold.comments(1);
    hold.permission('outsider', 'read');
    hold.issueEdits(1);
    hold.createComment(1, 900);
    const { receive, errors } = await testProbot();
    await receive('issue_comment', comment('/implement', 'outsider', issueBody));
    const held = hold.calls.find((call) => call.path.endsWith('/issues/1/comments'))?.body.body as string;
    expect(readStateMarker(held)?.marker.request_comment_id).toBeUndefined();

    const api = githubApi({ owner: OWNER, repo: REPO });
    api.reaction(APPROVE_COMMENT_ID);
    api.config(undefined);
    api.comments(1, [asListed(held)]);
    api.permission('maintainer', 'maintain');
    api.updateComment(900);
    await receive('issue_comment', comment('/approve', 'maintainer', ['```json', EDITED, '```'].join('\n')));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(readStateMarker(lastStatus(api))?.marker.state).toBe('held');
    expect(lastStatus(api)).toContain('`execution_request.task_name`: `"Orders API"` → `"Orders Admin API"`');
  });

  it('still holds the changed request when the held text can no longer be read from the status comment', async () => {
    const held = await holdFromOutsider();
    // The body around the (signed) marker was edited away; only the marker proves the hold.
    const markerLine = held.trimEnd().split('\n').at(-1) ?? '';
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectApprove(api, `### implementation-agent: held\n\n${markerLine}\n`);
    api.getComment(COMMENT_ID, implement(EDITED));
    api.updateComment(900);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/approve', 'maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastStatus(api)).toContain('the change cannot be listed; the request as it is now is below');
  });

  // Deleting the held `/implement` comment leaves nothing that was approved: an expected turn of
  // events, answered as such (not as an internal error), with nothing generated.
  it('/approve after the comment holding the request was deleted releases nothing and says why', async () => {
    const held = await holdFromOutsider();
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectApprove(api, held);
    api.scope
      .get(`/repos/${OWNER}/${REPO}/issues/comments/${COMMENT_ID}`)
      .reply(404, { message: 'Not Found' });
    api.updateComment(900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/approve', 'maintainer'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.path.includes('/git/') || call.path.endsWith('/pulls'))).toBe(false);
    const status = lastStatus(api);
    expect(readStateMarker(status)?.marker.state).toBe('failed');
    expect(status).toContain(`The comment holding the request (${COMMENT_ID}) was deleted`);
    expect(status).not.toContain('internal error');
  });

  it('refuses to release a hold whose marker is unsigned, pointing at someone else’s request', async () => {
    // What a forger writes in the app's name: a hold naming an outsider's comment, without the key.
    const held = await holdFromOutsider();
    const unsigned = held.replace(/ hmac-sha256=[0-9a-f]{64}/, '');
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectApprove(api, unsigned);
    api.createComment(1, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/approve', 'maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(
      api.calls.some((call) => call.path.includes(`/issues/comments/${COMMENT_ID}`) && call.method === 'GET'),
    ).toBe(false);
    const reply = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'))
      ?.body.body as string;
    expect(reply).toBe('@maintainer, nothing on this issue is waiting for approval.');
  });
});
