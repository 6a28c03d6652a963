import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { fixedBundleProvider } from './fixed-bundle-provider.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';

function labeledIssue(body: string) {
  const payload = webhookExample('issues', 'labeled');
  payload.issue.body = body;
  payload.label = { name: 'implementation' };
  return payload;
}

/** The body of the one status comment the run created. */
function statusBody(api: ReturnType<typeof githubApi>): string {
  return api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'))?.body
    .body;
}

describe('Probot app: bad input gets a clear answer and nothing is generated', () => {
  it('answers a request with field errors on the status comment', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config(undefined);
    api.comments(1);
    api.createComment(1, 900);
    const { receive, errors } = await testProbot();
    const broken = readExample('orders-api.request.json').replace('"application"', '"mainframe"');

    await receive('issues', labeledIssue('```json\n' + broken + '\n```'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(statusBody(api)).toContain('This implementation request cannot run yet');
    expect(statusBody(api)).toContain('task_type');
    expect(statusBody(api)).toContain('"state":"failed"');
  });

  it('refuses a body over the 65,536-character limit before parsing it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config(undefined);
    api.comments(1);
    api.createComment(1, 900);
    const { receive, errors } = await testProbot();

    await receive('issues', labeledIssue(readExample('orders-api.issue.md') + 'x'.repeat(70_000)));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(statusBody(api)).toContain('65,536-character limit');
    expect(api.calls.some((call) => call.path.includes('/git/'))).toBe(false);
  });

  it.each([
    ['a path that climbs out of the repository', '../outside.ts'],
    ['a path inside .git', '.git/hooks/post-checkout'],
  ])('fails the task and writes nothing when the model keeps answering with %s', async (_name, badPath) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config(undefined);
    api.comments(1);
    api.permission('Codertocat', 'admin');
    api.issueEdits(1);
    api.createComment(1, 900);
    api.updateComment(900);
    const provider = fixedBundleProvider(3, [badPath]);
    const { receive, errors } = await testProbot({ providerFor: () => provider });

    await receive('issues', labeledIssue(readExample('orders-api.issue.md')));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(provider.calls).toBe(3);
    const final = api.lastCommentBody() as string;
    expect(final).toContain('"state":"failed"');
    expect(final).toContain('Validation failed after 3 attempt(s)');
    expect(final).toContain(badPath);
    expect(api.calls.some((call) => call.path.includes('/git/') || call.path.endsWith('/pulls'))).toBe(false);
  });

  it('reports a bad config file on the status comment instead of crashing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config('provider: gpt\nlimits:\n  max_file: 3\n');
    api.comments(1);
    api.createComment(1, 900);
    const { receive, errors } = await testProbot();

    await receive('issues', labeledIssue(readExample('orders-api.issue.md')));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(statusBody(api)).toContain('`.github/implementation-agent.yml` cannot be used');
    expect(statusBody(api)).toContain('`provider` must be one of `offline`, `bedrock`');
    expect(statusBody(api)).toContain('`max_file`');
  });

  it('ignores a label that is not the trigger label after reading the config', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config('labels:\n  trigger: build-me\n');
    const { receive } = await testProbot();

    await receive('issues', labeledIssue(readExample('orders-api.issue.md')));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls).toHaveLength(2);
  });

  it.each([
    [
      'a comment from a bot',
      () => {
        const payload = webhookExample('issue_comment', 'created');
        payload.comment.body = '/implement';
        payload.sender.type = 'Bot';
        return ['issue_comment', payload] as const;
      },
    ],
    ['an ordinary comment', () => ['issue_comment', webhookExample('issue_comment', 'created')] as const],
    [
      'an unlabeled issue without the form',
      () => {
        const payload = webhookExample('issues', 'opened');
        payload.issue.labels = [];
        return ['issues', payload] as const;
      },
    ],
    [
      'a quoted /implement',
      () => {
        const payload = webhookExample('issue_comment', 'created');
        payload.comment.body = '> /implement\n\nthat is how you ask';
        return ['issue_comment', payload] as const;
      },
    ],
  ])('makes no GitHub call at all for %s', async (_name, event) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const { receive, errors } = await testProbot();
    const [name, payload] = event();

    await receive(name, payload);

    expect(errors).toEqual([]);
    expect(api.calls).toEqual([]);
  });
});
