// Review 13m (issue #9, DESIGN §5b: whoever shaped a request is a co-requester and cannot approve
// it): an issue body's editors are never dropped to fit the marker (past its bound no run of the
// body starts, and the status comment says why), `/retry` of the body reads its GraphQL edit
// history as a labeling does, and a labeling that cannot restart a cancelled task answers on the
// status comment. Real payloads through the Probot app, GitHub behind nock.
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { accountId } from './account-id.js';
import { fixedBundleProvider } from './fixed-bundle-provider.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

type Fake = ReturnType<typeof githubFakeBehindNock>;
type Editors = Record<number, ReadonlyArray<{ login: string; id: number }> | string>;

const ISSUE_BODY = readExample('orders-api.issue.md');
const WRITER = { login: 'octo-writer', id: accountId('octo-writer') };
const EDITOR = { login: 'octo-editor', id: accountId('octo-editor') };
const UNREADABLE = 'Resource not accessible by integration';

function statusOf(fake: Fake): { body: string; marker: TaskMarker } {
  const status = fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const marker = status && parseStateMarker(status.body);
  if (!status || !marker) throw new Error('no status comment on #1');
  return { body: status.body, marker };
}

function repository(issueEditors: Editors) {
  return githubFakeBehindNock({
    permissions: {
      Codertocat: 'admin',
      'octo-writer': 'write',
      'octo-editor': 'write',
      'octo-reader': 'read',
    },
    issueBodies: { 1: ISSUE_BODY },
    issueAuthors: { 1: 'octo-writer' },
    issueEditors,
  });
}

/** A model the test swaps between runs (a failing one, then a working one). */
function switchable(first: ModelProvider) {
  let current = first;
  const provider: ModelProvider = { name: 'switchable', generate: (input) => current.generate(input) };
  return { provider, use: (next: ModelProvider) => (current = next) };
}

/** GitHub's `issues.edited` of #1 (octo-writer's) by `login`, the `minute`th edit (its `updated_at`). */
function editBy(login: string, minute = 0) {
  const edit = formIssue('opened', login);
  edit.action = 'edited';
  edit.issue.updated_at = new Date(Date.UTC(2026, 10, 30, 12, minute)).toISOString();
  edit.sender.id = accountId(login);
  edit.issue.user = { ...edit.issue.user, ...WRITER };
  edit.changes = { body: { from: ISSUE_BODY } };
  return edit;
}

function command(body: string, id: number) {
  const payload = issueComment(body);
  payload.comment.id = id;
  payload.issue.user = { ...payload.issue.user, ...WRITER };
  return payload;
}

/** octo-writer opens #1 and its run fails at the gates: a task a later run of the body restarts. */
async function failedTask(issueEditors: Editors) {
  const fake = repository(issueEditors);
  const model = switchable(fixedBundleProvider(2, ['../outside.ts']));
  const app = await testProbot({ providerFor: () => model.provider });
  await app.receive('issues', formIssue('opened', 'octo-writer'));
  expect(statusOf(fake).marker.state).toBe('failed');
  model.use(createOfflineProvider());
  return { fake, app };
}

describe('editors past the bound a task records', () => {
  it('keeps every recorded editor, then flags the body and refuses to run it, saying so', async () => {
    const { fake, app } = await failedTask({});
    const logins = Array.from({ length: 11 }, (_, index) => `octo-editor-${index + 1}`);
    for (const [minute, login] of logins.entries()) await app.receive('issues', editBy(login, minute));
    expect(app.errors).toEqual([]);
    const edited = statusOf(fake);
    // The first ten are kept, none dropped for the eleventh: the body is flagged instead.
    expect(edited.marker.request_editors?.map((account) => account.login)).toEqual(logins.slice(0, 10));
    expect(edited.marker.request_editors_past_bound).toBe(true);
    expect(edited.body).toContain(
      'The request was edited by `octo-editor-11`, and more people have edited it than a task records (10)',
    );

    await app.receive('issue_comment', command('/implement', 6101));
    expect(app.errors).toEqual([]);
    const after = statusOf(fake);
    expect(after.marker.state).toBe('failed');
    expect(fake.pulls).toHaveLength(0);
    expect(after.body).toContain(
      "who edited this issue's body is not known: more people edited it than a task records (10)",
    );
    // The flag never clears (the edit history keeps every edit): the answer says so, and does not
    // send anyone to relabel or retry, which would be refused the same way.
    expect(after.body).toContain(
      "The body's edit history keeps every edit, so running the body again (a label, a bare `/implement`, `/retry`, `/approve`) is refused the same way.",
    );
    expect(after.body).not.toContain('Try again');

    // The way out it gives works: the request in a fenced block of an `/implement` comment runs as
    // its author's text, the body's editors not counted.
    const fenced = ['/implement', '', '```json', readExample('orders-api.request.json').trim(), '```'].join(
      '\n',
    );
    await app.receive('issue_comment', command(fenced, 6102));
    expect(app.errors).toEqual([]);
    const ran = statusOf(fake);
    expect(ran.marker.state).toBe('pr_open');
    expect(ran.marker.request_comment_id).toBe(6102);
    expect(fake.pulls).toHaveLength(1);
  });
});

describe('/retry of the issue body reads its edit history', () => {
  it('counts an editor the history names (an edit whose delivery was lost) as a co-requester', async () => {
    const issueEditors: Editors = {};
    const { fake, app } = await failedTask(issueEditors);
    issueEditors[1] = [WRITER, EDITOR];

    await app.receive('issue_comment', command('/retry', 6201));
    expect(app.errors).toEqual([]);
    const { marker } = statusOf(fake);
    expect(marker.state).toBe('pr_open');
    expect(marker.request_editors?.map((account) => account.login)).toEqual(['octo-editor']);
    expect(marker.co_requesters?.map((account) => account.login)).toContain('octo-editor');
  });

  it('a history GitHub does not give stops the retry, and the status comment says why', async () => {
    const issueEditors: Editors = {};
    const { fake, app } = await failedTask(issueEditors);
    issueEditors[1] = UNREADABLE;

    await app.receive('issue_comment', command('/retry', 6202));
    expect(app.errors).toEqual([]);
    const { marker, body } = statusOf(fake);
    expect(marker.state).toBe('failed');
    expect(marker.attempt).toBe(1);
    expect(fake.pulls).toHaveLength(0);
    expect(body).toContain(
      `who edited this issue's body is not known: GitHub did not give its edit history (${UNREADABLE})`,
    );
    // A history GitHub may give next time: trying again is offered.
    expect(body).toContain('Try again (label the issue again or comment `/implement`)');
  });
});

describe('a labeling that cannot restart a cancelled task', () => {
  it('leaves the task cancelled and says why on its status comment', async () => {
    const issueEditors: Editors = {};
    const fake = repository(issueEditors);
    const app = await testProbot();
    // An outsider's request is held, then cancelled.
    await app.receive('issues', formIssue('opened', 'octo-reader'));
    await app.receive('issue_comment', command('/cancel', 6301));
    expect(statusOf(fake).marker.state).toBe('cancelled');

    issueEditors[1] = UNREADABLE;
    const labeled = formIssue('labeled', 'Codertocat');
    labeled.issue.user = { ...labeled.issue.user, login: 'octo-reader', id: accountId('octo-reader') };
    await app.receive('issues', labeled);
    expect(app.errors).toEqual([]);
    const { marker, body } = statusOf(fake);
    expect(marker.state).toBe('cancelled');
    expect(fake.pulls).toHaveLength(0);
    expect(body).toContain(
      `who edited this issue's body is not known: GitHub did not give its edit history (${UNREADABLE})`,
    );
    // A history GitHub may give next time: trying again is offered.
    expect(body).toContain('Try again (label the issue again or comment `/implement`)');
  });
});
