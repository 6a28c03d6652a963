// Attacker pass 9m (test-only) on who counts as a requester (co_requesters, review 9l): the
// request's author and whoever started the task are set aside by the self-approval rule, and a
// `/retry` of a changed request adds the retrier and the text's author. Attacked: a writer who
// rewrites someone else's request (GitHub lets any writer edit an issue's body, and says who did:
// the `issues.edited` delivery's sender, the issue's `userContentEdits`) and leaves the starting to
// another writer. The request is then the editor's text, yet the editor's approval counts.
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
function edited(editor: string, body: string, from: string) {
  const payload = formIssue('opened', editor);
  payload.action = 'edited';
  payload.issue.body = body;
  payload.issue.user = { ...payload.issue.user, login: 'octo-writer', id: accountId('octo-writer') };
  payload.changes = { body: { from } };
  return payload;
}

describe('attacker 9m: the editor of a request', () => {
  it.failing(
    "FAULT: a writer who rewrote the request before another writer's /retry ran it is not a co-requester (their approval counts)",
    async () => {
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
    },
  );

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
    expect(markerOf(fake).co_requesters?.map((account) => account.login)).toEqual(['Codertocat']);
  });
});
