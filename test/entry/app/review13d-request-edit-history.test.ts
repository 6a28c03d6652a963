// Issue #9 (review 9m follow-up): an edit of the issue body made before the issue had any task is
// read from GitHub's GraphQL edit history (`userContentEdits`) when a labeling or a bare
// `/implement` starts a run of the body, and every editor but the requester counts as one who
// asked; a history that cannot be read stops the run (fail closed). Recording a later edit keeps
// what the status comment said before and adds the note naming the editor.
import { DELETED_EDITOR } from '../../../src/github/read-issue-body-editors.js';
import { statusDetailsOf } from '../../../src/core/render/status-details-of.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { accountId } from './account-id.js';
import { fixedBundleProvider } from './fixed-bundle-provider.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

const ISSUE_BODY = readExample('orders-api.issue.md');

function statusOf(fake: ReturnType<typeof githubFakeBehindNock>): { body: string; marker: TaskMarker } {
  const status = fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const marker = status && parseStateMarker(status.body);
  if (!status || !marker) throw new Error('no status comment on #1');
  return { body: status.body, marker };
}

/** A writers' repository whose issue #1 octo-writer opened and `editors` rewrote before any task. */
function repositoryWithEditedIssue(editors: ReadonlyArray<{ login: string; id: number } | null> | string) {
  return githubFakeBehindNock({
    permissions: { Codertocat: 'admin', 'octo-writer': 'write', 'octo-editor': 'write' },
    issueBodies: { 1: ISSUE_BODY },
    issueAuthors: { 1: 'octo-writer' },
    issueEditors: { 1: editors },
  });
}

const WRITER = { login: 'octo-writer', id: accountId('octo-writer') };
const EDITOR = { login: 'octo-editor', id: accountId('octo-editor') };

function labeling() {
  const labeled = formIssue('labeled', 'Codertocat');
  labeled.issue.user = { ...labeled.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
  return labeled;
}

describe('the edit history of a request read when its task starts', () => {
  it('a labeling records who rewrote the body before any task as a request editor and co-requester', async () => {
    const fake = repositoryWithEditedIssue([WRITER, EDITOR, { login: 'Codertocat', id: 21031067 }]);
    const app = await testProbot();
    await app.receive('issues', labeling());
    expect(app.errors).toEqual([]);
    const { marker } = statusOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', requester: 'Codertocat' });
    // The author is a co-requester already and the requester asked: only octo-editor is new.
    expect(marker.request_editors).toEqual([{ ...EDITOR, type: 'User' }]);
    expect(marker.co_requesters?.map((account) => account.login)).toEqual(['octo-writer', 'octo-editor']);
  });

  it('a bare /implement reads the history too', async () => {
    const fake = repositoryWithEditedIssue([WRITER, EDITOR]);
    const app = await testProbot();
    const implement = issueComment('/implement');
    implement.issue.user = { ...implement.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
    await app.receive('issue_comment', implement);
    expect(app.errors).toEqual([]);
    expect(statusOf(fake).marker.request_editors?.map((account) => account.login)).toEqual(['octo-editor']);
  });

  it('a history GitHub does not give fails the task closed and says why; nothing is generated', async () => {
    const fake = repositoryWithEditedIssue('Resource not accessible by integration');
    const provider = fixedBundleProvider(1, ['src/app.ts']);
    const app = await testProbot({ providerFor: () => provider });
    await app.receive('issues', labeling());
    expect(app.errors).toEqual([]);
    const { body, marker } = statusOf(fake);
    expect(marker.state).toBe('failed');
    expect(provider.calls).toBe(0);
    expect(fake.pulls).toHaveLength(0);
    expect(body).toContain(
      "who edited this issue's body is not known: GitHub did not give its edit history (Resource not accessible by integration)",
    );
  });

  it('an edit by a deleted account ("ghost") fails closed for good: no "Try again", the ways that work', async () => {
    const fake = repositoryWithEditedIssue([WRITER, null]);
    const provider = fixedBundleProvider(1, ['src/app.ts']);
    const app = await testProbot({ providerFor: () => provider });
    await app.receive('issues', labeling());
    expect(app.errors).toEqual([]);
    const { body, marker } = statusOf(fake);
    expect(marker.state).toBe('failed');
    expect(provider.calls).toBe(0);
    expect(fake.pulls).toHaveLength(0);
    expect(body).toContain(`who edited this issue's body is not known: ${DELETED_EDITOR}.`);
    expect(body).toContain('running the body again');
    expect(body).toContain('open a new issue');
    expect(body).not.toContain('Try again');
  });
});

describe('recording an edit keeps what the status said', () => {
  it("keeps the earlier failure's details and adds the note naming the editor; the state stays", async () => {
    const fake = repositoryWithEditedIssue([]);
    const app = await testProbot({ providerFor: () => fixedBundleProvider(2, ['../outside.ts']) });
    await app.receive('issues', formIssue('opened', 'octo-writer'));
    const before = statusOf(fake);
    expect(before.marker.state).toBe('failed');
    const failure = statusDetailsOf(before.body);
    expect(failure).toBeDefined();

    const edited = formIssue('opened', 'octo-editor');
    edited.action = 'edited';
    edited.sender.id = accountId('octo-editor');
    edited.issue.user = { ...edited.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
    edited.changes = { body: { from: ISSUE_BODY } };
    await app.receive('issues', edited);

    expect(app.errors).toEqual([]);
    const after = statusOf(fake);
    expect(after.marker.state).toBe('failed');
    expect(after.marker.request_editors?.map((account) => account.login)).toEqual(['octo-editor']);
    expect(statusDetailsOf(after.body)).toBe(
      `${failure}\n\nThe request was edited by \`octo-editor\`: a later run of it counts them as one who asked, so their approval of its pull request is set aside.`,
    );
  });
});
