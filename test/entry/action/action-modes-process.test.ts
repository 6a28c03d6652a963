import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_processTestToken123';

function requestIssue(mode: 'automated' | 'hybrid') {
  const payload = webhookExample('issues', 'opened');
  const request = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: mode,
      target_environment: 'staging',
    },
  };
  payload.issue.body = ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
  payload.issue.labels = [{ name: 'implementation' }];
  return payload;
}

describe('the built Action in automated and hybrid modes', () => {
  let fake: Awaited<ReturnType<typeof startGitHubFake>>;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin' },
    });
  });
  afterEach(() => fake.close());

  it.each(['automated', 'hybrid'] as const)(
    'falls back to guided in %s mode for the application blueprint (an IAM role): no auto-merge, reasons on the PR and the status',
    async (mode) => {
      const run = await runAction({
        apiUrl: fake.url,
        eventName: 'issues',
        payload: requestIssue(mode),
        inputs: { token: TOKEN },
      });

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('pr_open');
      const graphqlQueries = fake.requests
        .filter((request) => request.path === '/graphql')
        .map((request) => String((request.body as { query?: string }).query));
      expect(graphqlQueries.some((query) => query.includes('enablePullRequestAutoMerge'))).toBe(false);
      const status = fake.comments[0]?.body ?? '';
      for (const text of [String(fake.pulls[0]?.body), status]) {
        expect(text).toContain(`**Mode** ${mode} → guided · **Risk** high.`);
        expect(text).toContain(
          '`iam-resource` Creates or changes IAM resource ApiFunctionRole (AWS::IAM::Role).',
        );
      }
      expect(readStateMarker(status)?.marker).toMatchObject({ effective_mode: 'guided', risk_level: 'high' });
    },
  );
});
