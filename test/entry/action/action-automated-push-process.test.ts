import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

// Automated mode in the Action (review #9): the agent's own pushes made with GITHUB_TOKEN start no
// run, so a `pull_request.synchronize` run is someone else's push, which the agent never validated:
// auto-merge goes off and the task falls back to guided. One made as the token (an App token whose
// pushes do start runs) is the agent's own and changes nothing.

const TOKEN = 'ghs_automatedPushToken123';
const SECRET = 'the-repository-marker-secret';
const BRANCH = 'implementation/1-orders-api';

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;

const run = (fake: Fake, eventName: string, payload: unknown) =>
  runAction({ apiUrl: fake.url, eventName, payload, inputs: { token: TOKEN, 'marker-secret': SECRET } });

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

const disables = (fake: Fake) =>
  fake.requests.filter(
    (request) =>
      request.path === '/graphql' &&
      String((request.body as { query?: string }).query).includes('disablePullRequestAutoMerge'),
  );

describe('the built Action, automated mode: a push it did not make falls back to guided', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      permissions: { Codertocat: 'admin' },
    });
    const opened = webhookExample('issues', 'opened');
    const request = {
      execution_request: {
        task_type: 'application',
        task_name: 'Orders API',
        execution_mode: 'automated',
        target_environment: 'staging',
      },
    };
    opened.issue.body = ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
    opened.issue.labels = [{ name: 'implementation' }];
    const first = await run(fake, 'issues', opened);
    expect(first.stderr).toBe('');
    expect(first.outputs.status).toBe('pr_open');
    // The offline application blueprint creates an IAM role (high risk): the status is rewritten
    // as a low-risk automated task's, the case where auto-merge is on.
    const status = fake.comments[0];
    const marker = readStateMarker(status?.body ?? '')?.marker;
    if (status === undefined || marker === undefined) throw new Error('no status comment');
    status.body = renderStatusComment({
      marker: { ...marker, effective_mode: 'automated', risk_level: 'low' },
      signingKey: (markerKeysFrom({ secret: SECRET }) as MarkerKeys).current,
    });
  });
  afterEach(() => fake.close());

  it('its own push changes nothing; a person’s push turns auto-merge off, records guided and says why', async () => {
    // Its own push: the head is the commit its run recorded (`last_push`), which the per-task
    // concurrency group makes sure is written before this run starts. A head it never recorded is
    // an unseen push even under its own login (review9f-agent-sync-moved-head).
    const own = await run(fake, 'pull_request', push(fake, { login: 'github-actions[bot]', type: 'Bot' }));
    expect(own.stderr).toBe('');
    expect(own.code).toBe(0);
    expect(own.outputs.status).toBe('awaiting_review');
    expect(disables(fake)).toEqual([]);
    expect(readStateMarker(fake.comments[0]?.body ?? '')?.marker).toMatchObject({
      effective_mode: 'automated',
    });

    fake.refs.set(`heads/${BRANCH}`, 'a'.repeat(40));
    const person = await run(fake, 'pull_request', push(fake, { login: 'Codertocat', type: 'User' }));
    expect(person.stderr).toBe('');
    expect(person.code).toBe(0);
    expect(person.outputs.status).toBe('awaiting_review');
    expect(disables(fake)).toHaveLength(1);
    const status = fake.comments[0]?.body ?? '';
    expect(readStateMarker(status)?.marker).toMatchObject({ effective_mode: 'guided' });
    expect(status).toContain('Automated mode fell back to guided:');
    const onPull = fake.comments.find((comment) => comment.body.includes('@Codertocat pushed `aaaaaaa`'));
    expect(onPull?.body).toContain('Auto-merge is off');
    expect(
      fake.checkRuns.some(
        (check) => check.name === 'implementation-agent/approval' && check.head_sha === 'a'.repeat(40),
      ),
    ).toBe(true);

    // The same push again: already guided, nothing more.
    await run(fake, 'pull_request', push(fake, { login: 'Codertocat', type: 'User' }));
    expect(disables(fake)).toHaveLength(1);
  });
});
