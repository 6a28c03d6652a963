import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createS3ArtifactStore } from '../../../src/aws/s3/s3-artifact-store.js';
import { MAX_UNSENT_ARTIFACT_PATHS, parseStateMarker } from '../../../src/core/state/state-marker.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { unsentArtifactsOf } from '../../../src/core/task/unsent-artifacts-of.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';
import type { BlobClient } from '../../../src/github/read-branch-texts.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { ArtifactsNotStoredError } from '../../../src/pipeline/mirror/artifacts-not-stored-error.js';
import { resendUnsentArtifacts } from '../../../src/pipeline/mirror/resend-unsent-artifacts.js';
import { storeAttemptArtifacts } from '../../../src/pipeline/mirror/store-attempt-artifacts.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { FAKE_AWS_SECRET_ACCESS_KEY } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

const s3Mock = mockClient(S3Client);
beforeEach(() => s3Mock.reset());
const s3 = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const store = createS3ArtifactStore({ s3, bucket: 'artifacts' });
const outage = () => s3Mock.on(PutObjectCommand).rejects(new Error('connect ECONNREFUSED 127.0.0.1:443'));

const TASK_ID = 'acme/shop#7';
const AGENT_SHA = 'a'.repeat(40);
const LATER_SHA = 'b'.repeat(40);
const handler = `export const secret = 'aws_secret_access_key = ${FAKE_AWS_SECRET_ACCESS_KEY}';\n`;

/** A repository with the agent's commit of the attempt's files, and a later push that changed one. */
function repository(): BlobClient & { trees: string[] } {
  const trees: string[] = [];
  const commits: Record<string, Record<string, string>> = {
    [AGENT_SHA]: { 'src/handler.ts': handler, 'template.yaml': 'Resources: {}\n' },
    [LATER_SHA]: {
      'src/handler.ts': 'export const pushedLater = true;\n',
      'template.yaml': 'Resources: {}\n',
    },
  };
  return {
    trees,
    git: {
      getTree: async ({ tree_sha }) => {
        trees.push(tree_sha);
        const files = commits[tree_sha] ?? {};
        return {
          data: {
            truncated: false,
            tree: Object.keys(files).map((path) => ({
              path,
              mode: '100644',
              type: 'blob',
              sha: `${tree_sha}:${path}`,
            })),
          },
        };
      },
      getBlob: async ({ file_sha }) => {
        const [sha = '', path = ''] = file_sha.split(':');
        return {
          data: { content: Buffer.from(commits[sha]?.[path] ?? '').toString('base64'), encoding: 'base64' },
        };
      },
    },
  };
}

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (params) => {
        bodies.push(params.body);
        return { data: { id: 900 } };
      },
      updateComment: async (params) => {
        bodies.push(params.body);
        return {};
      },
    },
  };
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '')! };
}

let minute = 0;
const now = () => new Date(Date.parse('2026-11-29T10:00:00.000Z') + minute++ * 60_000);

/** A run's board over the comment as the last run left it, re-sending to the S3 store. */
function boardOn(client: StatusCommentClient, marker: TaskMarker | undefined, github: BlobClient) {
  return createStatusBoard({
    client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: marker && { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: undefined,
    resendArtifacts: (unsent) =>
      resendUnsentArtifacts({ store, client: github, owner: 'acme', repo: 'shop', taskId: TASK_ID, unsent }),
    now,
  });
}

const unsentDuringOutage = unsentArtifactsOf({
  attempt: 1,
  commitSha: AGENT_SHA,
  paths: [
    'validation-report.json',
    'files/src/handler.ts',
    'prompt.json',
    'files/template.yaml',
    'answer.json',
  ],
})!;

/** The first run: generation's artifacts met an S3 outage, and the PR opened at the agent's commit. */
async function firstRun() {
  const issue = fakeIssue();
  const board = boardOn(issue.client, undefined, repository());
  await board.move('generating', { patch: { attempt: 1 } });
  board.pass('validating');
  await board.move('pr_open', {
    patch: { branch: 'implementation-agent/7', pull_number: 12, unsent_artifacts: unsentDuringOutage },
  });
  return issue;
}

const putKeys = () => s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key);

describe('artifacts written during an S3 outage', () => {
  it('are named by path when the store refuses them, so the marker can carry them', async () => {
    outage();
    const failure = await storeAttemptArtifacts({
      store,
      repo: 'acme/shop',
      taskId: TASK_ID,
      attempt: 1,
      provider: 'bedrock',
      request: ordersApiRequest,
      context: { owner: 'acme', repo: 'shop', issueNumber: 7 },
      prepared: {
        ok: false,
        generation: { ok: false, findings: [], usage: NO_USAGE, attempts: 1, model: 'anthropic.claude' },
        summary: 'Validation failed after 1 attempt(s).',
        findings: '',
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ArtifactsNotStoredError);
    expect((failure as ArtifactsNotStoredError).paths).toEqual([
      'validation-report.json',
      'prompt.json',
      'answer.json',
    ]);
  });

  it('are re-sent by the next step from the commit the marker recorded, redacted, and the lost ones named once', async () => {
    const issue = await firstRun();
    expect(issue.marker().unsent_artifacts).toEqual(unsentDuringOutage);
    s3Mock.on(PutObjectCommand).resolves({});
    const github = repository();
    const next = boardOn(issue.client, issue.marker(), github);
    await next.move('approved');

    // Read at the agent's commit, never at the branch's head (a later push changed the handler).
    expect(github.trees).toEqual([AGENT_SHA]);
    expect(putKeys()).toEqual(['acme/shop/7/1/files/src/handler.ts', 'acme/shop/7/1/files/template.yaml']);
    const body = String(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input.Body);
    expect(body).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
    expect(body).toContain('[REDACTED:aws-secret-access-key]');
    const comment = issue.bodies.at(-1)!;
    expect(comment).toContain('2 generated file(s) were re-sent');
    expect(comment).toMatch(/lost: .*validation-report\.json.*prompt\.json.*answer\.json/);
    expect(issue.marker().unsent_artifacts).toBeUndefined();

    // Named once: the step after says nothing more of it and sends nothing again.
    s3Mock.resetHistory();
    await boardOn(issue.client, issue.marker(), github).move('merged');
    expect(putKeys()).toEqual([]);
    expect(issue.bodies.at(-1)).not.toContain('lost:');
  });

  it('stay in the marker while the store is still out, for the step after', async () => {
    const issue = await firstRun();
    outage();
    await boardOn(issue.client, issue.marker(), repository()).move('approved');
    expect(issue.marker().unsent_artifacts).toEqual(unsentDuringOutage);
    expect(issue.bodies.at(-1)).not.toContain('lost:');
  });

  it('of a failed attempt, never published, are named lost rather than dropped', async () => {
    const issue = fakeIssue();
    const first = boardOn(issue.client, undefined, repository());
    await first.move('generating', { patch: { attempt: 1 } });
    const unsent = unsentArtifactsOf({ attempt: 1, paths: ['files/src/handler.ts', 'prompt.json'] })!;
    await first.move('failed', { patch: { unsent_artifacts: unsent } });
    s3Mock.on(PutObjectCommand).resolves({});
    await boardOn(issue.client, issue.marker(), repository()).move('generating', { patch: { attempt: 2 } });
    expect(putKeys()).toEqual([]);
    expect(issue.bodies.at(-1)).toMatch(/lost: files\/src\/handler\.ts \(never published\); prompt\.json/);
    expect(issue.marker().unsent_artifacts).toBeUndefined();
  });

  it("that a later attempt's unsent artifacts replace are named lost", async () => {
    const issue = await firstRun();
    outage();
    const later = unsentArtifactsOf({ attempt: 2, paths: ['prompt.json'] })!;
    await boardOn(issue.client, issue.marker(), repository()).move('generating', {
      patch: { attempt: 2, unsent_artifacts: later },
    });
    expect(issue.marker().unsent_artifacts).toEqual(later);
    expect(issue.bodies.at(-1)).toContain('Artifacts of attempt 1');
    expect(issue.bodies.at(-1)).toContain('5 artifact(s) lost');
  });
});

describe('unsentArtifactsOf', () => {
  it('names generated files first and counts the paths past the bound', () => {
    const files = Array.from(
      { length: MAX_UNSENT_ARTIFACT_PATHS + 5 },
      (_, index) => `files/src/f${index}.ts`,
    );
    const unsent = unsentArtifactsOf({ attempt: 3, commitSha: AGENT_SHA, paths: ['prompt.json', ...files] })!;
    expect(unsent.paths).toHaveLength(MAX_UNSENT_ARTIFACT_PATHS);
    expect(unsent.paths[0]).toBe('files/src/f0.ts');
    expect(unsent.more).toBe(6);
    expect(unsentArtifactsOf({ attempt: 1, paths: [] })).toBeUndefined();
  });
});
