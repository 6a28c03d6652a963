import type { GeneratedFile } from '../../../src/core/bundle/artifact-bundle.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { SECRET_CASES } from '../../fixtures/adversarial/secrets/secret-cases.js';
import { secretFragmentsIn } from '../../fixtures/adversarial/secrets/secret-fragments.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const BRANCH = 'implementation/1-orders-api';

/** The offline blueprint's answer, plus `leak` in the first `leakyAnswers` answers: a model that writes credentials. */
function leakingProvider(
  leak: readonly GeneratedFile[],
  leakyAnswers: number,
): ModelProvider & { calls: number } {
  const offline = createOfflineProvider();
  const provider = {
    name: 'leaking',
    calls: 0,
    async generate(input: Parameters<ModelProvider['generate']>[0]) {
      provider.calls++;
      const result = await offline.generate(input);
      if (provider.calls > leakyAnswers) return result;
      return { ...result, bundle: { ...result.bundle, files: [...result.bundle.files, ...leak] } };
    },
  };
  return provider;
}

function labeledIssue() {
  const payload = webhookExample('issues', 'labeled');
  payload.issue.body = readExample('orders-api.issue.md');
  payload.label = { name: 'implementation' };
  return payload;
}

const leak = SECRET_CASES.slice(0, 4).map((secretCase) => secretCase.file);
const values = SECRET_CASES.slice(0, 4).flatMap((secretCase) => secretCase.values);

describe('Probot app: credentials the model writes are never committed', () => {
  it('fails the task with the reasons, writes nothing and quotes no value when repair never removes them', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config(undefined);
    api.comments(1);
    api.permission('Codertocat', 'admin');
    api.issueEdits(1);
    api.createComment(1, 900);
    api.updateComment(900);
    const provider = leakingProvider(leak, Infinity);
    const { receive, errors } = await testProbot({ providerFor: () => provider });

    await receive('issues', labeledIssue());

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(provider.calls).toBe(3);
    expect(api.calls.some((call) => call.path.includes('/git/') || call.path.includes('/pulls'))).toBe(false);
    expect(api.calls.some((call) => call.path.endsWith('/check-runs'))).toBe(false);
    const final = api.lastCommentBody() as string;
    expect(final).toContain('"state":"failed"');
    expect(final).toContain('Validation failed after 3 attempt(s)');
    expect(final).toContain('[secrets] src/orders/aws-client.ts: line 6, column 23: AWS secret access key');
    expect(final).toContain('[secrets] config/release.json: line 3, column 13: GitHub token');
    expect(final).toContain('[secrets] src/orders/signing-key.ts: line 2, column 28: private key');
    expect(final).toContain('[secrets] src/orders/notify.ts: line 1, column 29: Slack token');
    expect(secretFragmentsIn(JSON.stringify(api.calls), values)).toEqual([]);
  });

  it('commits only the repaired bundle, and the check run reports the secret scan', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config(undefined);
    api.comments(1);
    api.permission('Codertocat', 'admin');
    api.issueEdits(1);
    api.createComment(1, 900);
    api.missingBranch(BRANCH);
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
    const provider = leakingProvider(leak, 1);
    const { receive, errors } = await testProbot({ providerFor: () => provider });

    await receive('issues', labeledIssue());

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(provider.calls).toBe(2);
    const tree = api.calls.find((call) => call.path.endsWith('/git/trees'))?.body as {
      tree: { path: string }[];
    };
    expect(tree.tree.map((entry) => entry.path)).not.toContain('src/orders/aws-client.ts');
    const checkRun = api.calls.find((call) => call.path.endsWith('/check-runs'))?.body;
    expect(checkRun).toMatchObject({ conclusion: 'success' });
    expect(checkRun.output.summary).toContain('| Secret scan | ✅ | — |');
    expect(secretFragmentsIn(JSON.stringify(api.calls), values)).toEqual([]);
  });
});
