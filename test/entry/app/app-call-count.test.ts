import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { fixedBundleProvider } from './fixed-bundle-provider.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

/** Runs one issue through the app with a bundle of `fileCount` files and returns the HTTP calls made. */
async function callsForBundleOf(fileCount: number) {
  const api = githubApi({ owner: 'Codertocat', repo: 'Hello-World' });
  const branch = 'implementation/1-orders-api';
  api.installationToken(INSTALLATION_ID);
  api.config(undefined);
  api.comments(1);
  api.permission('Codertocat', 'write');
  api.createComment(1, 900);
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
  api.updateComment(900);
  const { receive, errors } = await testProbot({ providerFor: () => fixedBundleProvider(fileCount) });
  const payload = webhookExample('issues', 'opened');
  payload.issue.body = readExample('orders-api.issue.md');
  payload.issue.labels = [{ name: 'implementation' }];

  await receive('issues', payload);

  expect(errors).toEqual([]);
  expect(api.scope.isDone()).toBe(true);
  const tree = api.calls.find((call) => call.path.endsWith('/git/trees'))?.body as { tree: unknown[] };
  return { lines: api.callLines(), readBacks: api.readBacks, treeEntries: tree.tree.length };
}

describe('Probot app: GitHub calls do not grow with the number of files', () => {
  it('takes the same calls for a 3-file and a 30-file bundle', async () => {
    const three = await callsForBundleOf(3);
    const thirty = await callsForBundleOf(30);

    expect(three.treeEntries).toBe(3);
    expect(thirty.treeEntries).toBe(30);
    expect(thirty.lines).toEqual(three.lines);
    // 17 calls that do the work, the listing that checks the created status comment, the read of
    // the comment before its edit and the edit's two read-backs (304s when unchanged: they cost no
    // rate limit).
    expect(three.lines).toHaveLength(21);
    expect(three.readBacks).toEqual([
      { commentId: 900, status: 304 },
      { commentId: 900, status: 304 },
      { commentId: 900, status: 304 },
    ]);
  });
});
