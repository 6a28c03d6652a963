import type { ControlRequest } from '../../../src/core/deploy/control-request.js';
import { controlKeysFrom, signControlRequest } from '../../../src/core/deploy/control-request-signature.js';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_controlTrustProcessToken321';
const MARKER_SECRET = 'marker-secret-for-the-control-tests';
const REPOSITORY = 'Codertocat/Hello-World';
/** An invalid config: a request that gets past the trust check is answered with the config problem. */
const BAD_CONFIG = 'environments:\n  staging: { stack_nmae: x }\n';
/** AWS pointed at a closed port: any call the run made would fail loudly rather than reach AWS. */
const NO_AWS = {
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'ap-southeast-2',
};

function request(issuedAt: Date): ControlRequest {
  return {
    version: 1,
    command: 'unlock',
    environment: 'staging',
    issue_number: 42,
    requested_by: 'Codertocat',
    region: 'ap-southeast-2',
    issued_at: issuedAt.toISOString(),
  };
}

function signed(params: { issuedAt?: Date; repository?: string; secret?: string }): ControlRequest {
  const keys = controlKeysFrom(markerKeysFrom({ secret: params.secret ?? MARKER_SECRET })) as MarkerKeys;
  return signControlRequest({
    request: request(params.issuedAt ?? new Date()),
    repository: params.repository ?? REPOSITORY,
    key: keys.current,
  });
}

function controlEvent(clientPayload: ControlRequest) {
  const payload = webhookExample('repository_dispatch');
  payload.action = 'implementation-control';
  payload.repository.name = 'Hello-World';
  payload.repository.full_name = REPOSITORY;
  payload.repository.owner.login = 'Codertocat';
  payload.client_payload = clientPayload;
  return payload;
}

describe('the built Action carries out only control requests the agent signed for this repository, lately', () => {
  let github: Awaited<ReturnType<typeof startGitHubFake>> | undefined;
  afterEach(async () => github?.close());

  const run = async (clientPayload: ControlRequest) => {
    github = await startGitHubFake({
      owner: 'Codertocat',
      repo: 'Hello-World',
      defaultBranch: 'master',
      config: BAD_CONFIG,
    });
    return runAction({
      apiUrl: github.url,
      eventName: 'repository_dispatch',
      payload: controlEvent(clientPayload),
      inputs: { token: TOKEN, mode: 'deploy', 'marker-secret': MARKER_SECRET },
      env: NO_AWS,
    });
  };

  it('goes on with a request signed for this repository just now (here to the config problem)', async () => {
    const result = await run(signed({}));
    expect(github?.comments[0]?.body).toMatch(
      /^`\/unlock staging` was not carried out: `.github\/implementation-agent.yml`/,
    );
    expect(result.code).toBe(1);
  });

  it.each([
    ['unsigned (any token that can dispatch, another workflow among them)', request(new Date())],
    ['signed for another repository', signed({ repository: 'Codertocat/sandbox' })],
    ['signed with another secret', signed({ secret: 'someone-else' })],
    ['altered after signing', { ...signed({}), environment: 'production' }],
  ])('refuses a request %s, touching nothing and writing nothing', async (_name, clientPayload) => {
    const result = await run(clientPayload);
    expect(result.code).toBe(1);
    expect(github?.comments).toEqual([]);
    expect(github?.requests.some((request) => request.path.includes('implementation-agent.yml'))).toBe(false);
    expect(result.stdout + result.stderr).toContain('Refused the control request');
  });

  it('answers a stale signed request (a replay) on its issue and does nothing else', async () => {
    const result = await run(signed({ issuedAt: new Date(Date.now() - 20 * 60 * 1000) }));
    expect(result.code).toBe(1);
    expect(github?.comments.map((comment) => comment.body)).toEqual([
      expect.stringMatching(
        /^`\/unlock staging` was not carried out: it was issued at .*Give the command again\.$/,
      ),
    ]);
  });
});
