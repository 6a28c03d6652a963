import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { formIssue } from '../../fixtures/trigger-events.js';
import { accountId } from '../app/account-id.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

// #9 in the Action (review 9o): an issue body's edit (`issues.edited`, which the example workflow
// now lets through) is recorded on the task's status, so an `/approve` of a held request counts
// the editor as one who asked (`requestEditorsOf`). Real payloads, the built Action as a process.

const TOKEN = 'ghs_requestEditProcessToken123';
const SECRET = 'the-repository-marker-secret';

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;

const run = (fake: Fake, eventName: string, payload: unknown) =>
  runAction({ apiUrl: fake.url, eventName, payload, inputs: { token: TOKEN, 'marker-secret': SECRET } });

const statusComment = (fake: Fake) =>
  fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
const statusMarker = (fake: Fake) => readStateMarker(statusComment(fake)?.body ?? '')?.marker;

/** GitHub's `issues.edited` of #1 by `login`: the body as it is now, `changes.body.from` as it was. */
function bodyEditBy(login: string) {
  const edit = formIssue('opened', login);
  edit.action = 'edited';
  edit.sender.id = accountId(login);
  edit.issue.updated_at = '2026-11-30T12:05:00Z';
  edit.changes = { body: { from: 'the body as the outsider wrote it' } };
  return edit;
}

describe('the built Action: an issue body edited while its request is held', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin', 'octo-outsider': 'read', 'reviewer-bob': 'write' },
    });
  });
  afterEach(() => fake.close());

  it("records the editor on the held task's status, once", async () => {
    const opened = await run(fake, 'issues', formIssue('opened', 'octo-outsider'));
    expect(opened.stderr).toBe('');
    expect(opened.outputs.status).toBe('held');

    const edited = await run(fake, 'issues', bodyEditBy('reviewer-bob'));
    expect(edited.stderr).toBe('');
    expect(edited.code).toBe(0);
    expect(statusMarker(fake)).toMatchObject({
      state: 'held',
      request_editors: [{ login: 'reviewer-bob', id: accountId('reviewer-bob') }],
    });
    expect(statusComment(fake)?.body).toContain('The request was edited by `reviewer-bob`');

    // The same delivery again (a re-run of the workflow) records nothing more.
    await run(fake, 'issues', bodyEditBy('reviewer-bob'));
    expect(statusMarker(fake)?.request_editors).toHaveLength(1);
  });
});
