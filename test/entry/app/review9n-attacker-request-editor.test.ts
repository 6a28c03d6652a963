// Attacker pass 9n (test-only) on request editors (src/pipeline/implement/record-request-edit.ts,
// review 9m): an edit of the issue body is recorded so a later run of the body counts its editor as
// a co-requester (their approval set aside). recordRequestEdit ignores an edit while the task's
// marker says it runs a request held in a `/implement` comment (`request_comment_id`); but a
// maintainer's later bare `/implement` runs the issue body, and the edit made meanwhile was never
// recorded, so the editor who wrote the text that runs is free to approve its pull request. The
// body run also leaves `request_comment_id` on the marker, so every later edit is ignored too.
// Fixed in review 13m: every edit is recorded, and a body run clears `request_comment_id`.
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { accountId } from './account-id.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

const ISSUE_BODY = readExample('orders-api.issue.md');
const REQUEST = readExample('orders-api.request.json').trim();

function markerOf(fake: ReturnType<typeof githubFakeBehindNock>): TaskMarker {
  const status = fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const marker = status && parseStateMarker(status.body);
  if (!marker) throw new Error('no status comment on #1');
  return marker;
}

describe('attacker 9n: an edit while the task holds a comment request', () => {
  async function heldEditedThenRun() {
    const issueBodies = { 1: ISSUE_BODY };
    const fake = githubFakeBehindNock({
      permissions: {
        Codertocat: 'admin',
        'octo-writer': 'write',
        'octo-editor': 'write',
        'octo-outsider': 'read',
      },
      issueBodies,
      issueAuthors: { 1: 'octo-writer' },
      accounts: {
        [accountId('octo-writer')]: 'octo-writer',
        [accountId('octo-editor')]: 'octo-editor',
        [accountId('octo-outsider')]: 'octo-outsider',
      },
    });
    const app = await testProbot({ providerFor: () => createOfflineProvider() });

    // An outsider asks in a comment on a writer's issue: held, the marker naming that comment.
    const held = issueComment(['/implement', '', '```json', REQUEST, '```'].join('\n'));
    held.comment.id = 5201;
    held.comment.user = { ...held.comment.user, login: 'octo-outsider', id: accountId('octo-outsider') };
    held.sender = { ...held.sender, login: 'octo-outsider', id: accountId('octo-outsider') };
    await app.receive('issue_comment', held);
    const first = markerOf(fake);

    // A writer rewrites the issue body (GitHub's issues.edited, the editor as sender).
    const changed = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    issueBodies[1] = changed;
    const edit = formIssue('opened', 'octo-editor');
    edit.action = 'edited';
    edit.issue.body = changed;
    edit.issue.user = { ...edit.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
    edit.changes = { body: { from: ISSUE_BODY } };
    await app.receive('issues', edit);

    // A maintainer comments a bare /implement: the issue body, the editor's text, runs.
    const implement = issueComment('/implement');
    implement.comment.id = 5202;
    implement.issue.body = changed;
    implement.issue.user = { ...implement.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
    await app.receive('issue_comment', implement);
    return { app, fake, first };
  }

  it('control: the comment request is held, its comment recorded', async () => {
    const { app, first } = await heldEditedThenRun();
    expect(app.errors).toEqual([]);
    expect(first).toMatchObject({ state: 'held', request_comment_id: 5201 });
  });

  it('the run of the rewritten body counts its editor as a co-requester (their approval set aside)', async () => {
    const { app, fake } = await heldEditedThenRun();
    expect(app.errors).toEqual([]);
    const marker = markerOf(fake);
    expect(marker.state).toBe('pr_open');
    expect(marker.co_requesters?.map((account) => account.login)).toContain('octo-editor');
    // The body run replaced the comment's request: the marker no longer names the comment.
    expect(marker.request_comment_id).toBeUndefined();
  });
});
