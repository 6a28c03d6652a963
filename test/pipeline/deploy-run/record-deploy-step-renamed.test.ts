import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { deploymentKeysFrom } from '../../../src/core/deploy/deployment-keys.js';
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { signDeploymentPayload } from '../../../src/core/deploy/deployment-signature.js';
import { VerifiedDeployment } from '../../../src/core/deploy/verified-deployment.js';
import { markerKeysFrom } from '../../../src/core/state/marker-keys.js';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { recordDeployStep, type DeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';

/** acme/shop (GitHub id 4242) was renamed acme/store after the deployment was created. */
const API = 'https://api.github.com';
const REPO = '/repos/acme/store';
const BOT = 'github-actions[bot]';
const KEY = Buffer.alloc(32, 6);
const SHA = 'd'.repeat(40);
const at = '2026-11-29T09:00:00.000Z';
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 }, log: quiet });
const signed = statusTrust({ identity: async () => BOT, keys: { current: KEY } });

afterEach(() => nock.cleanAll());

/** The status comment written before the rename: its marker names the old name and the id. */
const before: TaskMarker = {
  task_id: 'acme/shop#7',
  repository_id: 4242,
  state: 'merged',
  attempt: 1,
  cost_usd: 0,
  updated_at: at,
  version: 6,
  created_at: at,
  pull_number: 12,
};

function issueOnGitHub() {
  let body = renderStatusComment({ marker: before, signingKey: KEY });
  const patches: TaskMarker[] = [];
  const scope = nock(API);
  const comment = () => ({ id: 900, user: { login: BOT, type: 'Bot' }, body });
  const step = () => {
    scope
      .get(`${REPO}/issues/7/comments`)
      .query({ per_page: 100, page: 1 })
      .reply(200, () => [comment()]);
    scope.patch(`${REPO}/issues/comments/900`).reply(200, (_uri, sent) => {
      body = (sent as { body: string }).body;
      patches.push(parseStateMarker(body)!);
      return comment();
    });
    scope.get(`${REPO}/issues/comments/900`).reply(200, comment);
  };
  return { scope, patches, step };
}

/** The mirror as the implement runs left it, under the old name. */
async function mirrorBeforeRename() {
  const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'renamed-deploy-')));
  await recordTaskEvent({
    log: mirror,
    event: { type: 'task_received', task_id: 'acme/shop#7', at, repo: 'acme/shop', issue_number: 7 },
  });
  await recordTaskEvent({
    log: mirror,
    event: { type: 'state_changed', task_id: 'acme/shop#7', at, to: 'generating' },
  });
  return mirror;
}

const event: DeployEvent = {
  repository: { owner: 'acme', repo: 'store', defaultBranch: 'main' },
  repositoryId: 4242,
  deploymentId: 777,
  sha: SHA,
  environment: 'staging',
  payload: {},
};

const payloadNaming = (fields: Record<string, unknown>) =>
  deploymentPayloadSchema.parse({
    version: 1,
    task_id: 'acme/shop#7',
    stack_name: 'shop-staging',
    template_path: 'template.yaml',
    region: 'us-east-1',
    checked_sha: SHA,
    requested_by: 'octocat',
    ...fields,
  });

const deploymentKeys = deploymentKeysFrom(markerKeysFrom({ secret: 'org-wide-secret' }))!;

/**
 * The payload signed as the agent signed it (under the name it had then, acme/shop) and the proof
 * `verifyDeployment` makes of it, or `undefined` when it does not verify. `formerNames`: names
 * GitHub was found to give this repository's id.
 */
function signedAndProven(
  fields: Record<string, unknown>,
  formerNames: readonly string[] = [],
  deploymentId = event.deploymentId,
) {
  const place = { repository: 'acme/shop', repositoryId: 4242, sha: SHA, environment: 'staging' };
  const payload = payloadNaming(
    signDeploymentPayload({ payload: payloadNaming(fields), place, key: deploymentKeys.current }),
  );
  const judged = VerifiedDeployment.judge({
    deploymentId,
    creator: BOT,
    creators: [BOT],
    payload,
    place: { ...place, repository: 'acme/store' },
    keys: deploymentKeys,
    formerNames,
  });
  return { payload, proof: judged.trust === 'verified' ? judged.proof : undefined };
}

let clock = Date.parse('2026-11-29T11:00:00.000Z');
function record(params: {
  step: DeployStep;
  payload: ReturnType<typeof payloadNaming>;
  mirror: Awaited<ReturnType<typeof mirrorBeforeRename>>;
  trust?: typeof signed;
  verified?: VerifiedDeployment | undefined;
  log?: string[];
}) {
  return recordDeployStep({
    recording: {
      mirrors: { tasks: params.mirror.tasks, events: params.mirror.events },
      ...(params.trust === undefined ? {} : { trust: params.trust }),
      ...(params.verified === undefined ? {} : { verified: params.verified }),
    },
    client: octokit,
    event,
    payload: params.payload,
    step: params.step,
    now: () => (clock += 1000),
    log: (line) => params.log?.push(line),
  });
}

describe('a deployment created before the repository was renamed, run after it', () => {
  it("moves the task's status comment under the new name and migrates its records: one task", async () => {
    const github = issueOnGitHub();
    const mirror = await mirrorBeforeRename();
    const payload = payloadNaming({ repository_id: 4242 });
    github.step();
    expect(await record({ step: { kind: 'started' }, payload, mirror, trust: signed })).toEqual([]);
    github.step();
    expect(
      await record({ step: { kind: 'finished', succeeded: true }, payload, mirror, trust: signed }),
    ).toEqual([]);

    expect(github.scope.isDone()).toBe(true);
    const last = github.patches.at(-1);
    expect(last).toMatchObject({ task_id: 'acme/store#7', repository_id: 4242, state: 'merged' });
    expect(last?.environments?.['staging']).toMatchObject({ status: 'deployed', deployment_id: 777 });
    expect((await mirror.tasks.get('acme/store#7'))?.environments['staging']).toMatchObject({
      status: 'deployed',
    });
  });

  it('with no status comment, moves the mirror record under the new name, migrated, when the payload is verified', async () => {
    const mirror = await mirrorBeforeRename();
    const { payload, proof } = signedAndProven({ repository_id: 4242 });
    expect(proof).toBeDefined();
    nock(API).get(`${REPO}/issues/7/comments`).query({ per_page: 100, page: 1 }).reply(200, []).persist();
    await record({ step: { kind: 'started' }, payload, mirror, trust: signed, verified: proof });
    expect(await mirror.tasks.get('acme/store#7')).toMatchObject({
      repo: 'acme/store',
      environments: { staging: { status: 'deploying', deployment_id: 777 } },
    });
  });

  it('a key configured is no proof: without the verifier’s proof, no record of another name migrates', async () => {
    const mirror = await mirrorBeforeRename();
    const { payload } = signedAndProven({ repository_id: 4242 });
    nock(API).get(`${REPO}/issues/7/comments`).query({ per_page: 100, page: 1 }).reply(200, []).persist();
    await record({ step: { kind: 'started' }, payload, mirror, trust: signed });
    expect(await mirror.tasks.get('acme/store#7')).toBeUndefined();
    expect(await mirror.tasks.get('acme/shop#7')).toMatchObject({ version: 2 });
  });

  it('a proof of another deployment, even of the same payload, proves nothing here', async () => {
    const mirror = await mirrorBeforeRename();
    const { payload, proof } = signedAndProven({ repository_id: 4242 }, [], event.deploymentId + 1);
    expect(proof).toBeDefined();
    nock(API).get(`${REPO}/issues/7/comments`).query({ per_page: 100, page: 1 }).reply(200, []).persist();
    await record({ step: { kind: 'started' }, payload, mirror, trust: signed, verified: proof });
    expect(await mirror.tasks.get('acme/store#7')).toBeUndefined();
    expect(await mirror.tasks.get('acme/shop#7')).toMatchObject({ version: 2 });
  });

  it('an older name-bound payload, proven under the name GitHub gives this repository, moves its task too', async () => {
    const mirror = await mirrorBeforeRename();
    const { payload, proof } = signedAndProven({}, ['acme/shop']);
    expect(proof).toBeDefined();
    nock(API).get(`${REPO}/issues/7/comments`).query({ per_page: 100, page: 1 }).reply(200, []).persist();
    await record({ step: { kind: 'started' }, payload, mirror, trust: signed, verified: proof });
    expect(await mirror.tasks.get('acme/store#7')).toMatchObject({
      repo: 'acme/store',
      environments: { staging: { status: 'deploying', deployment_id: 777 } },
    });
  });

  it('without a key (nothing proves the payload), migrates no record of another name in the shared tables', async () => {
    const mirror = await mirrorBeforeRename();
    const log: string[] = [];
    await record({ step: { kind: 'started' }, payload: payloadNaming({ repository_id: 4242 }), mirror, log });
    expect(await mirror.tasks.get('acme/store#7')).toBeUndefined();
    expect(await mirror.tasks.get('acme/shop#7')).toMatchObject({ version: 2 });
  });

  it.each([
    ['another repository id', { repository_id: 9999 }],
    ['no repository id (an older payload)', {}],
  ])('refuses a task of another name with %s: no comment edited, no record moved', async (_what, fields) => {
    const mirror = await mirrorBeforeRename();
    const warnings = await record({
      step: { kind: 'started' },
      payload: payloadNaming(fields),
      mirror,
      trust: signed,
    });
    expect(warnings).toEqual([
      expect.stringContaining('names task acme/shop#7, which is not an issue of acme/store'),
    ]);
    expect(await mirror.tasks.get('acme/store#7')).toBeUndefined();
    expect(await mirror.tasks.get('acme/shop#7')).toMatchObject({ version: 2 });
    expect(await mirror.events.list('acme/shop#7')).toHaveLength(2);
  });
});
