import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { readExample, webhookExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_manualProcessToken123';
const SECRET = 'the-repository-marker-secret';
const BRANCH = 'implementation/1-orders-api';
const HANDLER = 'services/orders-api/src/handler.ts';

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;

const run = (fake: Fake, eventName: string, payload: unknown) =>
  runAction({ apiUrl: fake.url, eventName, payload, inputs: { token: TOKEN, 'marker-secret': SECRET } });

/** The real `pull_request.synchronize` payload, moved to the task's PR; `sender` is who pushed. */
function push(fake: Fake, sender: { login: string; type: string }) {
  const payload = webhookExample('pull_request', 'synchronize');
  const head = fake.refs.get(`heads/${BRANCH}`);
  payload.after = head;
  payload.pull_request.number = 101;
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = head;
  Object.assign(payload.sender, sender);
  return payload;
}

describe('the built Action, manual mode: a specification PR, then a review of every human push', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin' },
    });
    const opened = webhookExample('issues', 'opened');
    opened.issue.body = readExample('orders-api.issue.md').replace(
      /### Execution mode\s+guided/,
      '### Execution mode\n\nmanual',
    );
    opened.issue.labels = [{ name: 'implementation' }];
    const first = await run(fake, 'issues', opened);
    expect(first.stderr).toBe('');
    expect(first.outputs.status).toBe('pr_open');
  });
  afterEach(() => fake.close());

  it('opens a manual-mode PR, requests changes on a broken push, comments on a clean one, and ignores its own and repeats', async () => {
    expect(readStateMarker(fake.comments[0]?.body ?? '')?.marker).toMatchObject({ effective_mode: 'manual' });
    expect(String(fake.pulls[0]?.body)).toContain('This is a **manual-mode** pull request');

    // A person pushes a handler that does not parse.
    fake.refs.set(`heads/${BRANCH}`, 'a'.repeat(40));
    fake.pullFiles[101] = { [HANDLER]: 'export const handler = () => {\n  return {;\n};\n' };
    const broken = await run(fake, 'pull_request', push(fake, { login: 'Codertocat', type: 'User' }));
    expect(broken.stderr).toBe('');
    expect(broken.code).toBe(0);
    expect(broken.outputs.status).toBe('changes_requested');
    expect(fake.reviews[101]).toEqual([
      expect.objectContaining({
        state: 'CHANGES_REQUESTED',
        commit_id: 'a'.repeat(40),
        comments: [expect.objectContaining({ path: HANDLER, line: 2 })],
      }),
    ]);

    // The same push delivered again: still one review.
    const again = await run(fake, 'pull_request', push(fake, { login: 'Codertocat', type: 'User' }));
    expect(again.code).toBe(0);
    expect(fake.reviews[101]).toHaveLength(1);

    // The fix.
    fake.refs.set(`heads/${BRANCH}`, 'b'.repeat(40));
    fake.pullFiles[101] = {
      [HANDLER]: 'export const handler = async () => ({ statusCode: 200, body: "[]" });\n',
    };
    const clean = await run(fake, 'pull_request', push(fake, { login: 'Codertocat', type: 'User' }));
    expect(clean.code).toBe(0);
    expect(clean.outputs.status).toBe('awaiting_review');
    expect(fake.reviews[101]?.[1]).toMatchObject({ state: 'COMMENTED', commit_id: 'b'.repeat(40) });
    // The earlier request for changes is dismissed, so it no longer blocks the pull request.
    expect(fake.reviews[101]?.[0]?.state).toBe('DISMISSED');

    // The agent's own push (the workflow token's identity): no review.
    fake.refs.set(`heads/${BRANCH}`, 'c'.repeat(40));
    const own = await run(fake, 'pull_request', push(fake, { login: 'github-actions[bot]', type: 'Bot' }));
    expect(own.code).toBe(0);
    expect(fake.reviews[101]).toHaveLength(2);
  });
});
