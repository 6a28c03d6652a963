// A re-run deletes what the previous generation wrote and no longer generates (`publishPullRequest`
// with `previousGeneration`): it can only find that generation if the run that pushed it recorded
// its commit on the task's marker (`generated_commit`), which this checks through the app.
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { fixedBundleProvider } from './fixed-bundle-provider.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

describe('Probot app: the generation commit on the marker', () => {
  it('records the commit a generation pushed as generated_commit', async () => {
    const api = githubApi({ owner: 'Codertocat', repo: 'Hello-World' });
    const branch = 'implementation/1-orders-api';
    const head = 'a1'.repeat(20);
    api.installationToken(INSTALLATION_ID);
    api.config(undefined);
    api.comments(1);
    api.permission('Codertocat', 'write');
    api.createComment(1, 900);
    api.missingBranch(branch);
    api.branch('master', 'base-sha');
    api.commit('base-sha');
    api.createTree();
    api.createCommit(head);
    api.createRef();
    api.listPulls([]);
    api.createPull(42);
    api.addLabels(42);
    api.checkRun();
    api.approvalCheck();
    api.updateComment(900);
    const { receive, errors } = await testProbot({ providerFor: () => fixedBundleProvider(3) });
    const payload = webhookExample('issues', 'opened');
    payload.issue.body = readExample('orders-api.issue.md');
    payload.issue.labels = [{ name: 'implementation' }];

    await receive('issues', payload);

    expect(errors).toEqual([]);
    const edit = api.calls.findLast(
      (call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'),
    );
    const marker = parseStateMarker((edit?.body as { body: string }).body);
    expect(marker).toMatchObject({ state: 'pr_open', generated_commit: head });
  });
});
