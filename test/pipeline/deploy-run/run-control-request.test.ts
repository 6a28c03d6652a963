import { CancelUpdateStackCommand, CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import type { DeployLock, DeployLockStore } from '../../../src/core/stores/deploy-lock-store.js';
import type { ControlRequest } from '../../../src/core/deploy/control-request.js';
import { NO_ECHO_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';
import { runControlRequest } from '../../../src/pipeline/deploy-run/run-control-request.js';

const cfnMock = mockClient(CloudFormationClient);
const SHA = 'c'.repeat(40);

const deploymentPayload = {
  version: 1,
  stack_name: 'orders-api-staging',
  template_path: 'template.yaml',
  region: 'eu-west-1',
  checked_sha: SHA,
  requested_by: 'alice',
};

/** The App's bot: the agent's own deployments are created by it. */
const AGENT = 'implementation-agent[bot]';

function fakeGitHub(
  deployments: Array<{ id: number; states: string[]; payload: unknown; creator?: string }>,
) {
  const comments: Array<{ issue: number; body: string }> = [];
  return {
    comments,
    client: {
      repos: {
        listDeployments: async () => ({
          data: deployments.map((d) => ({
            id: d.id,
            sha: SHA,
            ref: 'main',
            environment: 'staging',
            created_at: `2026-11-24T10:0${d.id % 10}:00Z`,
            creator: { login: d.creator ?? AGENT },
            payload: d.payload as Record<string, unknown>,
          })),
        }),
        listDeploymentStatuses: async (p: { deployment_id: number }) => ({
          data: (deployments.find((d) => d.id === p.deployment_id)?.states ?? []).map((state, index) => ({
            id: index,
            state: state as 'success',
            created_at: '2026-11-24T10:00:00Z',
          })),
        }),
      },
      issues: {
        listComments: async () => ({ data: [] }),
        createComment: async (p: { issue_number: number; body: string }) => {
          comments.push({ issue: p.issue_number, body: p.body });
          return { data: { id: 1 } };
        },
        updateComment: async () => ({}),
      },
    },
  };
}

const request = (command: 'cancel' | 'unlock'): ControlRequest => ({
  version: 1,
  command,
  environment: 'staging',
  issue_number: 42,
  requested_by: 'bob',
  region: 'eu-west-1',
});

const control = (
  github: ReturnType<typeof fakeGitHub>,
  command: 'cancel' | 'unlock',
  lockStore?: DeployLockStore,
  issuedAt?: string,
) =>
  runControlRequest({
    client: github.client,
    repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
    request: { ...request(command), ...(issuedAt === undefined ? {} : { issued_at: issuedAt }) },
    authority: { creators: [AGENT, 'github-actions[bot]'], keys: undefined, repositoryId: 4242 },
    cloudFormationFor: (region) => new CloudFormationClient({ region }),
    ...(lockStore ? { lockStore } : {}),
    now: () => Date.parse('2026-11-24T10:30:00Z'),
  });

beforeEach(() => cfnMock.reset());

describe('runControlRequest: /cancel', () => {
  it("cancels the stack update of the environment's running deployment and answers on the issue", async () => {
    cfnMock.on(CancelUpdateStackCommand).resolves({});
    const github = fakeGitHub([
      { id: 12, states: ['in_progress'], payload: deploymentPayload },
      { id: 11, states: ['inactive', 'success'], payload: deploymentPayload },
    ]);

    const outcome = await control(github, 'cancel');

    expect(cfnMock.commandCalls(CancelUpdateStackCommand)[0]?.args[0].input).toEqual({
      StackName: 'orders-api-staging',
    });
    expect(outcome.message).toContain('Deployment 12 to **staging**');
    expect(github.comments).toEqual([{ issue: 42, body: outcome.message }]);
  });

  it("never cancels the stack a hand-made in-progress deployment names: only the agent's deployments count", async () => {
    // A workflow writing as github-actions[bot] (which counts only with a key) or a person left a
    // deployment of staging in_progress whose payload names production's stack.
    cfnMock.on(CancelUpdateStackCommand).resolves({});
    const forged = { ...deploymentPayload, stack_name: 'orders-api-production' };
    const github = fakeGitHub([
      { id: 13, states: ['in_progress'], payload: forged, creator: 'Codertocat' },
      { id: 12, states: ['in_progress'], payload: deploymentPayload },
    ]);

    const outcome = await control(github, 'cancel');

    expect(cfnMock.commandCalls(CancelUpdateStackCommand).map((call) => call.args[0].input)).toEqual([
      { StackName: 'orders-api-staging' },
    ]);
    expect(outcome.message).toContain('Deployment 12 to **staging**');
  });

  it('a signed /cancel re-run or replayed later never stops a deployment that started after it was given', async () => {
    // `/cancel staging` was given at 10:00:30 for deployment 10; deployment 12 started at 10:02.
    // Re-running the control workflow (same payload, still inside the signature's window) must
    // not stop it.
    cfnMock.on(CancelUpdateStackCommand).resolves({});
    const github = fakeGitHub([{ id: 12, states: ['in_progress'], payload: deploymentPayload }]);

    const outcome = await control(github, 'cancel', undefined, '2026-11-24T10:00:30Z');

    expect(cfnMock.commandCalls(CancelUpdateStackCommand)).toHaveLength(0);
    expect(outcome.message).toContain('started after `/cancel staging` was given');
  });

  it('a signed /cancel stops the deployment that was running when it was given', async () => {
    cfnMock.on(CancelUpdateStackCommand).resolves({});
    const github = fakeGitHub([{ id: 12, states: ['in_progress'], payload: deploymentPayload }]);

    const outcome = await control(github, 'cancel', undefined, '2026-11-24T10:03:00Z');

    expect(cfnMock.commandCalls(CancelUpdateStackCommand)).toHaveLength(1);
    expect(outcome.message).toContain('Deployment 12 to **staging**');
  });

  it('says there is nothing to cancel when no deployment is running', async () => {
    const github = fakeGitHub([{ id: 11, states: ['success'], payload: deploymentPayload }]);

    const outcome = await control(github, 'cancel');

    expect(cfnMock.calls()).toHaveLength(0);
    expect(outcome.message).toBe(
      'Nothing is deploying to **staging** right now, so there is nothing to cancel.',
    );
  });
});

describe('runControlRequest: /unlock', () => {
  const held: DeployLock = {
    environment: 'staging',
    repository: 'acme/shop',
    holder: 'alice',
    ref: '#41',
    sha: SHA,
    acquiredAt: '2026-11-24T10:00:00Z',
    expiresAt: 1_900_000_000,
    token: 'secret-token',
  };
  const store = (removed: DeployLock | undefined): DeployLockStore => ({
    acquire: async () => ({ acquired: false, heldBy: held }),
    release: async () => 'not-held',
    forceRelease: async () => removed,
    current: async () => removed,
    heartbeat: async () => ({ extended: false }),
  });

  it('releases a held lock and says whose it was, never showing its token', async () => {
    const outcome = await control(fakeGitHub([]), 'unlock', store(held));

    expect(outcome.message).toContain('Released the lock on **staging**');
    expect(outcome.message).toContain('@alice');
    expect(outcome.message).not.toContain('secret-token');
  });

  it('a signed /unlock re-run or replayed later keeps a lock taken after it was given', async () => {
    // `/unlock staging` given at 09:55; alice's deploy took the lock at 10:00. A re-run of the
    // control workflow at 10:05 carries the same signed payload, still inside its 15 minutes.
    const released: string[] = [];
    const lockStore: DeployLockStore = {
      ...store(held),
      release: async (p) => (released.push(p.token), 'released'),
      forceRelease: async () => {
        throw new Error('a signed /unlock must not remove whatever lock is there');
      },
    };

    const outcome = await control(fakeGitHub([]), 'unlock', lockStore, '2026-11-24T09:55:00Z');

    expect(released).toEqual([]);
    expect(outcome.message).toContain('was taken after `/unlock staging` was given, so it was kept');
  });

  it("a signed /unlock releases the lock held when it was given, by that lock's token only", async () => {
    const released: string[] = [];
    const lockStore: DeployLockStore = {
      ...store(held),
      release: async (p) => (released.push(p.token), 'released'),
      forceRelease: async () => {
        throw new Error('a signed /unlock must not remove whatever lock is there');
      },
    };

    const outcome = await control(fakeGitHub([]), 'unlock', lockStore, '2026-11-24T10:20:00Z');

    expect(released).toEqual(['secret-token']);
    expect(outcome.message).toContain('Released the lock on **staging**');
    expect(outcome.message).not.toContain('secret-token');
  });

  it('a signed /unlock keeps a lock that changed hands between reading and releasing it', async () => {
    const outcome = await control(fakeGitHub([]), 'unlock', store(held), '2026-11-24T10:20:00Z');

    expect(outcome.message).toContain('changed hands');
  });

  it('says when the environment was not locked', async () => {
    expect((await control(fakeGitHub([]), 'unlock', store(undefined))).message).toBe(
      '**staging** was not locked.',
    );
  });

  it('explains that without a lock table there is no lock to release', async () => {
    expect((await control(fakeGitHub([]), 'unlock')).message).toContain('No lock table is configured');
  });
});

// Review 14b (issue #10): `/cancel`'s answer and errors carry AWS text; the values the running
// deployment passes to NoEcho parameters are withheld there as on the deploy path.
describe('runControlRequest: /cancel withholds NoEcho values from AWS text', () => {
  const SECRET = 'hunter2-Orders';
  const template = [
    'Parameters:',
    '  DbPassword: {Type: String, NoEcho: true}',
    '  Stage: {Type: String}',
    'Resources: {}',
  ].join('\n');
  const withSecret = { ...deploymentPayload, parameters: { DbPassword: SECRET, Stage: 'blue' } };
  const echoing = () => {
    const error = new Error(`Parameter DbPassword (${SECRET}) failed validation; stage blue`);
    error.name = 'ValidationError';
    return error;
  };

  it('a thrown AWS error never carries the NoEcho value; other values stay', async () => {
    cfnMock.on(CancelUpdateStackCommand).rejects(echoing());
    const github = fakeGitHub([{ id: 12, states: ['in_progress'], payload: withSecret }]);

    const failure = await runControlRequest({
      client: github.client,
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      request: request('cancel'),
      authority: { creators: [AGENT], keys: undefined, repositoryId: 4242 },
      cloudFormationFor: (region) => new CloudFormationClient({ region }),
      readTemplate: async (payload) => (payload.template_path === 'template.yaml' ? template : undefined),
      now: () => Date.parse('2026-11-24T10:30:00Z'),
    }).catch((error: unknown) => error as Error);

    expect(String(failure)).not.toContain(SECRET);
    expect(String(failure)).toContain(NO_ECHO_MARKER);
    expect(String(failure)).toContain('stage blue');
  });

  it('with no template to read, every value the payload passes is withheld (fails closed)', async () => {
    cfnMock.on(CancelUpdateStackCommand).rejects(echoing());
    const github = fakeGitHub([{ id: 12, states: ['in_progress'], payload: withSecret }]);

    const failure = await control(github, 'cancel').catch((error: unknown) => error as Error);

    expect(String(failure)).not.toContain(SECRET);
    expect(String(failure)).not.toContain('stage blue');
  });
});
