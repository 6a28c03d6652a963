// Attacker pass 9m (test-only) on who counts as a requester (co_requesters, review 9l): the
// request's author and whoever started the task are set aside by the self-approval rule, and a
// `/retry` of a changed request adds the retrier and the text's author. Attacked: a writer who
// rewrites someone else's request (GitHub lets any writer edit an issue's body, and says who did:
// the `issues.edited` delivery's sender, the issue's `userContentEdits`) and leaves the starting to
// another writer. The request is then the editor's text, yet the editor's approval counted. Fixed:
// the edit is recorded on the task (`request_editors`, `recordRequestEdit`) and every later run of
// the issue body (`/retry`, a labeling, `/implement`) counts the editors as co-requesters.
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { accountId } from './account-id.js';
import { fixedBundleProvider } from './fixed-bundle-provider.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

const ISSUE_BODY = readExample('orders-api.issue.md');

function markerOf(fake: ReturnType<typeof githubFakeBehindNock>): TaskMarker {
  const status = fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const marker = status && parseStateMarker(status.body);
  if (!marker) throw new Error('no status comment on #1');
  return marker;
}

/** `issues.edited` of issue #1 by `editor`, the body changed from `from` (GitHub's `changes.body.from`). */
function edited(editor: string, body: string, from: string, type = 'User') {
  const payload = formIssue('opened', editor);
  payload.sender.type = type;
  payload.action = 'edited';
  payload.issue.body = body;
  payload.issue.user = { ...payload.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
  payload.changes = { body: { from } };
  return payload;
}

describe('attacker 9m: the editor of a request', () => {
  it("a writer who rewrote the request before another writer's /retry ran it is a co-requester (their approval is set aside)", async () => {
    const issueBodies = { 1: ISSUE_BODY };
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-writer': 'write', 'octo-editor': 'write' },
      issueBodies,
      issueAuthors: { 1: 'octo-writer' },
      accounts: {
        [accountId('octo-writer')]: 'octo-writer',
        [accountId('octo-editor')]: 'octo-editor',
      },
    });
    let provider: ModelProvider = fixedBundleProvider(2, ['../outside.ts']);
    const app = await testProbot({ providerFor: () => provider });
    await app.receive('issues', formIssue('opened', 'octo-writer'));
    expect(markerOf(fake)).toMatchObject({ state: 'failed', requester: 'octo-writer' });

    // octo-editor rewrites the request; GitHub delivers issues.edited with them as the sender.
    const changed = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    issueBodies[1] = changed;
    await app.receive('issues', edited('octo-editor', changed, ISSUE_BODY));

    provider = createOfflineProvider();
    const retry = issueComment('/retry');
    retry.comment.id = 5106;
    await app.receive('issue_comment', retry);

    expect(app.errors).toEqual([]);
    const marker = markerOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', attempt: 2 });
    expect(marker.co_requesters?.map((account) => account.login)).toContain('octo-editor');
    expect(marker.request_editors).toEqual([
      { login: 'octo-editor', id: accountId('octo-editor'), type: 'User' },
    ]);
  });

  /** A failed task on #1 by octo-writer, whose body `editor` then rewrote (when given). */
  async function failedThenEdited(editor: string | undefined, type = 'User') {
    const issueBodies = { 1: ISSUE_BODY };
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-writer': 'write', 'octo-editor': 'write' },
      issueBodies,
      issueAuthors: { 1: 'octo-writer' },
      accounts: {
        [accountId('octo-writer')]: 'octo-writer',
        [accountId('octo-editor')]: 'octo-editor',
      },
    });
    let provider: ModelProvider = fixedBundleProvider(2, ['../outside.ts']);
    const app = await testProbot({ providerFor: () => provider });
    await app.receive('issues', formIssue('opened', 'octo-writer'));
    const changed = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    issueBodies[1] = changed;
    if (editor !== undefined) await app.receive('issues', edited(editor, changed, ISSUE_BODY, type));
    provider = createOfflineProvider();
    return { app, fake, changed };
  }

  it('a labeling that runs the rewritten body counts its editor as a co-requester', async () => {
    const { app, fake, changed } = await failedThenEdited('octo-editor');
    const labeled = formIssue('labeled', 'Codertocat');
    labeled.issue.body = changed;
    labeled.issue.user = { ...labeled.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
    labeled.issue.updated_at = '2026-11-30T12:00:00Z';
    await app.receive('issues', labeled);
    expect(app.errors).toEqual([]);
    const marker = markerOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', requester: 'Codertocat', attempt: 2 });
    expect(marker.co_requesters?.map((account) => account.login)).toEqual(['octo-writer', 'octo-editor']);
  });

  it('an /implement that runs the rewritten body counts its editor as a co-requester', async () => {
    const { app, fake, changed } = await failedThenEdited('octo-editor');
    const implement = issueComment('/implement');
    implement.comment.id = 5108;
    implement.issue.body = changed;
    implement.issue.user = { ...implement.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
    await app.receive('issue_comment', implement);
    expect(app.errors).toEqual([]);
    const marker = markerOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', requester: 'Codertocat', attempt: 2 });
    expect(marker.co_requesters?.map((account) => account.login)).toEqual(['octo-writer', 'octo-editor']);
  });

  it("a redelivered edit is recorded once, and the edit's note leaves the task failed", async () => {
    const { app, fake, changed } = await failedThenEdited('octo-editor');
    const writes = fake.comments.length;
    await app.receive('issues', edited('octo-editor', changed, ISSUE_BODY));
    expect(app.errors).toEqual([]);
    expect(fake.comments.length).toBe(writes);
    const marker = markerOf(fake);
    expect(marker.state).toBe('failed');
    expect(marker.request_editors?.map((account) => account.login)).toEqual(['octo-editor']);
  });

  it("a bot's edit is not recorded (the agent does not act on bots' events)", async () => {
    const { app, fake } = await failedThenEdited('octo-editor', 'Bot');
    expect(app.errors).toEqual([]);
    expect(markerOf(fake).request_editors).toBeUndefined();
  });

  it("the author's own edit records nobody new: they already asked", async () => {
    const { app, fake } = await failedThenEdited('octo-writer');
    expect(app.errors).toEqual([]);
    expect(markerOf(fake).request_editors).toBeUndefined();
    const retry = issueComment('/retry');
    retry.comment.id = 5109;
    await app.receive('issue_comment', retry);
    expect(markerOf(fake).co_requesters?.map((account) => account.login)).toEqual(['Codertocat']);
  });

  it('an edit of an issue with no task yet records nothing and answers nobody', async () => {
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-editor': 'write' },
      issueBodies: { 1: ISSUE_BODY },
    });
    const app = await testProbot({ providerFor: () => createOfflineProvider() });
    const changed = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    await app.receive('issues', edited('octo-editor', changed, ISSUE_BODY));
    expect(app.errors).toEqual([]);
    expect(fake.comments).toEqual([]);
  });

  it('a title-only edit records nothing', async () => {
    const { app, fake } = await failedThenEdited(undefined);
    const titled = edited('octo-editor', ISSUE_BODY, ISSUE_BODY);
    titled.changes = { title: { from: 'Orders' } };
    await app.receive('issues', titled);
    expect(app.errors).toEqual([]);
    expect(markerOf(fake).request_editors).toBeUndefined();
  });

  it('refused: the retrier of the changed request is a co-requester', async () => {
    const issueBodies = { 1: ISSUE_BODY };
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-writer': 'write' },
      issueBodies,
      issueAuthors: { 1: 'octo-writer' },
      accounts: { [accountId('octo-writer')]: 'octo-writer' },
    });
    let provider: ModelProvider = fixedBundleProvider(2, ['../outside.ts']);
    const app = await testProbot({ providerFor: () => provider });
    await app.receive('issues', formIssue('opened', 'octo-writer'));
    issueBodies[1] = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    provider = createOfflineProvider();
    const retry = issueComment('/retry');
    retry.comment.id = 5107;
    await app.receive('issue_comment', retry);
    expect(app.errors).toEqual([]);
    const marker = markerOf(fake);
    expect(marker.co_requesters?.map((account) => account.login)).toEqual(['Codertocat']);
    // A marker without `request_editors` (every one written before it was kept) runs as before.
    expect(marker.request_editors).toBeUndefined();
  });
});
