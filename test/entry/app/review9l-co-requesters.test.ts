// Review 9l: the issue's author and whoever started the task are both requesters. A labeling or a
// bare `/implement` records the issue's author as a co-requester beside the starter, and a
// `/retry` that runs a request changed since its last run records its author too; the approval
// rule reads both from the trusted marker (test/core/review/co-requesters.test.ts).
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

function writers(issueBodies: Record<number, string> = { 1: ISSUE_BODY }) {
  return githubFakeBehindNock({
    permissions: { Codertocat: 'admin', 'octo-writer': 'write' },
    issueBodies,
    issueAuthors: { 1: 'octo-writer' },
    accounts: { [accountId('octo-writer')]: 'octo-writer' },
  });
}

describe('Probot app: the request’s author is a requester beside its starter', () => {
  it("a labeling records the issue's author as a co-requester", async () => {
    const fake = writers();
    const app = await testProbot({ providerFor: () => createOfflineProvider() });
    const labeled = formIssue('labeled', 'Codertocat');
    labeled.issue.user = { ...labeled.issue.user, login: 'octo-writer', id: accountId('octo-writer') };

    await app.receive('issues', labeled);

    expect(app.errors).toEqual([]);
    expect(markerOf(fake)).toMatchObject({
      state: 'pr_open',
      requester: 'Codertocat',
      co_requesters: [{ login: 'octo-writer', id: accountId('octo-writer'), type: 'User' }],
    });
  });

  it("a bare `/implement` records the issue's author", async () => {
    const fake = writers();
    const app = await testProbot({ providerFor: () => createOfflineProvider() });
    const bare = issueComment('/implement');
    bare.issue.user = { ...bare.issue.user, login: 'octo-writer', id: accountId('octo-writer') };

    await app.receive('issue_comment', bare);

    expect(app.errors).toEqual([]);
    expect(markerOf(fake)).toMatchObject({
      requester: 'Codertocat',
      co_requesters: [{ login: 'octo-writer', id: accountId('octo-writer') }],
    });
  });

  it('a `/retry` of a request a writer changed records the retrier beside the requester', async () => {
    const issueBodies = { 1: ISSUE_BODY };
    const fake = writers(issueBodies);
    let provider: ModelProvider = fixedBundleProvider(2, ['../outside.ts']);
    const app = await testProbot({ providerFor: () => provider });
    await app.receive('issues', formIssue('opened', 'octo-writer'));
    expect(markerOf(fake)).toMatchObject({ state: 'failed', requester: 'octo-writer' });
    expect(markerOf(fake).co_requesters).toBeUndefined();

    issueBodies[1] = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    provider = createOfflineProvider();
    const retry = issueComment('/retry');
    retry.comment.id = 5006;
    await app.receive('issue_comment', retry);

    expect(app.errors).toEqual([]);
    const marker = markerOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', attempt: 2, requester: 'octo-writer' });
    expect(marker.co_requesters?.map((account) => account.login)).toEqual(['Codertocat']);
  });

  it('a `/retry` of the request as it last ran adds nobody', async () => {
    const fake = writers();
    let provider: ModelProvider = fixedBundleProvider(2, ['../outside.ts']);
    const app = await testProbot({ providerFor: () => provider });
    await app.receive('issues', formIssue('opened', 'octo-writer'));

    provider = createOfflineProvider();
    const retry = issueComment('/retry');
    retry.comment.id = 5007;
    await app.receive('issue_comment', retry);

    expect(app.errors).toEqual([]);
    const marker = markerOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', requester: 'octo-writer' });
    expect(marker.co_requesters).toBeUndefined();
  });
});
