import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Octokit } from '@octokit/rest';
import { mockClient } from 'aws-sdk-client-mock';
import nock from 'nock';
import { createS3DeploymentStore } from '../../../src/aws/s3/s3-deployment-store.js';
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { recordDeployStep, type DeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import { storeDeployment } from '../../../src/pipeline/deploy-run/store-deployment.js';

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const BOT = 'github-actions[bot]';
const KEY = Buffer.alloc(32, 5);
const SHA = 'c'.repeat(40);
const AGENT_SHA = 'a'.repeat(40);
const TASK = 'acme/shop#7';
const TEMPLATE = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';

/** Octokit logs every refused request; the tests assert what the board does with them instead. */
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 }, log: quiet });
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });
const s3Mock = mockClient(S3Client);
const s3 = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const deployments = createS3DeploymentStore({ s3, bucket: 'deployments' });
const outage = () => s3Mock.on(PutObjectCommand).rejects(new Error('connect ECONNREFUSED 127.0.0.1:443'));

beforeEach(() => s3Mock.reset());
afterEach(() => nock.cleanAll());

const base: TaskMarker = {
  task_id: TASK,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  version: 8,
  created_at: '2026-11-29T09:00:00.000Z',
  pull_number: 12,
};

/** A status comment as GitHub returns it: the agent's bot wrote it, its marker signed. */
function comment(marker: TaskMarker, id = 900) {
  return { id, user: { login: BOT, type: 'Bot' }, body: renderStatusComment({ marker, signingKey: KEY }) };
}

/**
 * The issue's comment 900 on GitHub: each PATCH recorded, each GET of the comment answering the
 * latest body (the board reads it before every write, back after it, and again once settled).
 */
function issueOnGitHub(initial: TaskMarker) {
  let body = comment(initial).body;
  let patchedSince = false;
  let otherAfterWrite: TaskMarker | undefined;
  let reading = false;
  const patches: TaskMarker[] = [];
  const scope = nock(API);
  return {
    scope,
    patches,
    listed: () =>
      scope
        .get(`${REPO}/issues/7/comments`)
        .query({ per_page: 100, page: 1 })
        .reply(200, () => [{ ...comment(initial), body }]),
    patched: () =>
      scope.patch(`${REPO}/issues/comments/900`).reply(200, (_uri, sent) => {
        body = (sent as { body: string }).body;
        patches.push(parseStateMarker(body)!);
        patchedSince = true;
        return { id: 900, body };
      }),
    /** Reads of the comment; `other` is another run's write, landing right after this run's first write. */
    readBack: (other?: TaskMarker) => {
      if (other !== undefined) otherAfterWrite = other;
      if (reading) return;
      reading = true;
      // Its own scope: the reads persist (how many the board makes is its business), the rest must all be met.
      nock(API)
        .persist()
        .get(`${REPO}/issues/comments/900`)
        .reply(200, () => {
          if (patchedSince && otherAfterWrite !== undefined) {
            body = comment(otherAfterWrite).body;
            otherAfterWrite = undefined;
          }
          return { id: 900, body, user: { login: BOT, type: 'Bot' } };
        });
    },
  };
}

function deployEvent(environment = 'staging', deploymentId = 501): DeployEvent {
  return {
    repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
    repositoryId: 4242,
    deploymentId,
    sha: SHA,
    environment,
    payload: {},
  };
}

const payload = deploymentPayloadSchema.parse({
  version: 1,
  task_id: TASK,
  stack_name: 'shop-staging',
  template_path: 'template.yaml',
  region: 'us-east-1',
  parameters: { Stage: 'staging' },
  checked_sha: SHA,
  requested_by: 'octocat',
});

let clock = Date.parse('2026-11-29T11:00:00.000Z');
function record(step: DeployStep, options: { event?: DeployEvent; withStores?: boolean } = {}) {
  const log: string[] = [];
  return recordDeployStep({
    recording: { trust, ...(options.withStores ? { mirrors: { deployments } } : {}) },
    client: octokit,
    event: options.event ?? deployEvent(),
    payload,
    step,
    now: () => (clock += 1000),
    log: (line) => log.push(line),
  });
}

describe("a deploy run's status board is the app's and the Action's", () => {
  it('reads its write back and applies its step again on top of an approval another run wrote at once', async () => {
    const github = issueOnGitHub(base);
    github.listed();
    github.patched();
    // The app approved the task between the deploy run's write and its read-back.
    github.readBack({ ...base, state: 'approved', version: 9, writes: ['0badf00d'] });
    github.patched();
    github.readBack();

    expect(await record({ kind: 'started' })).toEqual([]);

    expect(github.scope.isDone()).toBe(true);
    const [first, again] = github.patches;
    expect(first?.environments?.['staging']?.status).toBe('deploying');
    // Applied on top: the approval stays (the deploy step never moves the task's state), and the deploy lands.
    expect(again?.state).toBe('approved');
    expect(again?.environments?.['staging']?.status).toBe('deploying');
    expect(again?.version).toBe(10);
    expect(again?.writes?.[0]).toBe('0badf00d');
  });

  it('keeps a deployment record S3 refused in the marker, and a later step re-sends it once S3 is back', async () => {
    outage();
    const stored = await storeDeployment({
      deploymentStore: deployments,
      event: deployEvent(),
      payload,
      template: TEMPLATE,
      result: {
        reason: 'deployed',
        finalStatus: 'success',
        message: 'ok',
        stackName: 'shop-staging',
        outputs: { Url: 'https://x' },
        warnings: [],
      },
      log: () => undefined,
    });
    expect(stored.problem).toContain('ECONNREFUSED');
    expect(stored.unsent).toEqual({
      environment: 'staging',
      deployment_id: 501,
      sha: SHA,
      stack_name: 'shop-staging',
      template_path: 'template.yaml',
      template_sha256: sha256Hex(TEMPLATE),
      parameters: { Stage: 'staging' },
    });

    // The deploy run's finished step keeps it; S3 is still out, so the step's own re-send is not tried.
    const deploying = {
      ...base,
      state: 'merged' as const,
      environments: {
        staging: {
          status: 'deploying' as const,
          deployment_id: 501,
          sha: SHA,
          updated_at: '2026-11-29T10:30:00.000Z',
        },
      },
    };
    const github = issueOnGitHub(deploying);
    github.listed();
    github.patched();
    github.readBack();
    expect(
      await record({ kind: 'finished', succeeded: true, unsentRecord: stored.unsent! }, { withStores: true }),
    ).toEqual([]);
    expect(github.patches[0]?.unsent_deployments).toEqual([stored.unsent]);
    // Outputs are never put on the public comment.
    expect(JSON.stringify(github.patches[0])).not.toContain('https://x');

    // The next deploy (production) re-sends it: the template read again at the deployed sha, S3 back.
    s3Mock.reset();
    s3Mock.on(PutObjectCommand).resolves({});
    const after = issueOnGitHub(github.patches[0]!);
    after.listed();
    after.scope
      .get(`${REPO}/contents/template.yaml`)
      .query({ ref: SHA })
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(TEMPLATE).toString('base64') });
    after.patched();
    after.readBack();
    const warnings = await record(
      { kind: 'started' },
      { event: deployEvent('production', 601), withStores: true },
    );

    expect(after.scope.isDone()).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('re-sent the record of deployment(s) 501')]);
    expect(after.patches[0]?.unsent_deployments).toBeUndefined();
    const puts = s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts.map((put) => put.Key)).toEqual([
      'acme/shop/staging/501/template.json',
      'acme/shop/staging/501/parameters.json',
      'acme/shop/staging/501/outputs.json',
      'acme/shop/staging/501/record.json',
    ]);
    expect(String(puts[0]?.Body)).toBe(TEMPLATE);
    expect(JSON.parse(String(puts[1]?.Body))).toEqual({ Stage: 'staging' });
  });

  it('keeps the record while S3 is still out, and names it lost when the template at the sha is not the one deployed', async () => {
    const unsent = {
      environment: 'staging',
      deployment_id: 501,
      sha: SHA,
      stack_name: 'shop-staging',
      template_path: 'template.yaml',
      template_sha256: sha256Hex(TEMPLATE),
      parameters: { Stage: 'staging' },
    };
    outage();
    const still = issueOnGitHub({ ...base, unsent_deployments: [unsent] });
    still.listed();
    still.scope
      .get(`${REPO}/contents/template.yaml`)
      .query({ ref: SHA })
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(TEMPLATE).toString('base64') });
    still.patched();
    still.readBack();
    expect(
      await record({ kind: 'started' }, { event: deployEvent('production', 601), withStores: true }),
    ).toEqual([]);
    expect(still.patches[0]?.unsent_deployments).toEqual([unsent]);

    nock.cleanAll();
    const changed = issueOnGitHub({ ...base, unsent_deployments: [unsent] });
    changed.listed();
    changed.scope
      .get(`${REPO}/contents/template.yaml`)
      .query({ ref: SHA })
      .reply(200, {
        type: 'file',
        encoding: 'base64',
        content: Buffer.from('Resources: {}\n').toString('base64'),
      });
    changed.patched();
    changed.readBack();
    const warnings = await record(
      { kind: 'started' },
      { event: deployEvent('production', 602), withStores: true },
    );
    expect(warnings).toEqual([
      expect.stringContaining(
        `lost: deployment 501 (staging): the template deployed is not the one at ${SHA.slice(0, 7)}`,
      ),
    ]);
    expect(changed.patches[0]?.unsent_deployments).toBeUndefined();
  });

  it("leaves an earlier attempt's unsent artifacts to the implement workflow: the deploy role may not write them", async () => {
    const github = issueOnGitHub({
      ...base,
      unsent_artifacts: { attempt: 1, commit_sha: AGENT_SHA, paths: ['files/template.yaml', 'prompt.json'] },
    });
    github.listed();
    github.patched();
    github.readBack();

    const warnings = await record({ kind: 'started' }, { withStores: true });

    expect(github.scope.isDone()).toBe(true);
    expect(warnings).toEqual([]);
    expect(github.patches[0]?.unsent_artifacts).toEqual({
      attempt: 1,
      commit_sha: AGENT_SHA,
      paths: ['files/template.yaml', 'prompt.json'],
    });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('says in the deploy report when the status comment refuses the step (a finish after its rollback)', async () => {
    const rolledBack: TaskMarker = {
      ...base,
      environments: {
        staging: {
          status: 'rolled_back',
          deployment_id: 501,
          sha: SHA,
          rolled_back_by: 600,
          updated_at: '2026-11-29T10:30:00.000Z',
        },
      },
    };
    const github = issueOnGitHub(rolledBack);
    github.listed();
    github.readBack();

    const warnings = await record({ kind: 'finished', succeeded: true });

    expect(github.patches).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^The status comment of acme\/shop#7 did not take deploy_finished of acme\/shop#7 in staging: .*rolled_back/,
      ),
    ]);
  });
});
