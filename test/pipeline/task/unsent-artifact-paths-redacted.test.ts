/**
 * The paths of artifacts the store did not take (`unsent_artifacts.paths`, issue #10, DESIGN §5b):
 * a generated file's path is the model's choice and may hold a token. It is named as the store
 * keys it (`redactArtifactPath`) in the error the marker is built from, and the status board
 * redacts what a marker carries (an older version's raw paths) and the note naming lost paths,
 * so neither the public comment's marker nor its text shows the token. The comment's sink redacts
 * its body too, but after the marker was signed: a marker redacted only there no longer holds its
 * signature, and the next run would distrust it (and drop what it carries).
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createS3ArtifactStore } from '../../../src/aws/s3/s3-artifact-store.js';
import { markerSignatureMatches } from '../../../src/core/state/marker-signature.js';
import { parseStateMarker, readStateMarker } from '../../../src/core/state/state-marker.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { ArtifactsNotStoredError } from '../../../src/pipeline/mirror/artifacts-not-stored-error.js';
import { resendUnsentArtifacts } from '../../../src/pipeline/mirror/resend-unsent-artifacts.js';
import { storeAttemptArtifacts } from '../../../src/pipeline/mirror/store-attempt-artifacts.js';
import type { PreparedChange } from '../../../src/pipeline/implement/prepare-change.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const s3Mock = mockClient(S3Client);
beforeEach(() => s3Mock.reset());
const s3 = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const store = createS3ArtifactStore({ s3, bucket: 'artifacts' });

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
  return { client, bodies };
}

describe('unsent artifact paths that hold a token', () => {
  it('are named as the store keys them, in the error paths and its message', async () => {
    s3Mock.on(PutObjectCommand).rejects(new Error(`connect ECONNREFUSED for config/${TOKEN}.env`));
    const prepared = {
      ok: true,
      generation: {
        ok: true,
        usage: NO_USAGE,
        attempts: 1,
        model: 'anthropic.claude',
        report: { passed: true, summary: 'ok', findings: [] },
        bundle: {
          summary: 's',
          plan: [],
          riskNotes: [],
          files: [{ path: `config/${TOKEN}.env`, content: 'A=1\n', role: 'config' }],
        },
      },
    } as unknown as PreparedChange;
    const failure = await storeAttemptArtifacts({
      store,
      repo: 'acme/shop',
      taskId: 'acme/shop#7',
      attempt: 1,
      provider: 'bedrock',
      request: ordersApiRequest,
      context: { owner: 'acme', repo: 'shop', issueNumber: 7 },
      prepared,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ArtifactsNotStoredError);
    const { paths, message } = failure as ArtifactsNotStoredError;
    expect(paths.join('\n')).not.toContain(TOKEN);
    expect(paths[0]).toMatch(/^files\/config\/.*~[0-9a-f]{16}\.env$/);
    expect(message).not.toContain(TOKEN);
  });

  it('are redacted in the marker and the lost note of the public comment, whoever wrote them raw', async () => {
    const issue = fakeIssue();
    const board = (marker?: ReturnType<typeof parseStateMarker>) =>
      createStatusBoard({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        taskId: 'acme/shop#7',
        existing: marker
          ? { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' }
          : undefined,
        signingKey: undefined,
        resendArtifacts: (unsent) =>
          resendUnsentArtifacts({
            store,
            client: {
              git: {
                getTree: async () => ({ data: { truncated: false, tree: [] } }),
                getBlob: async () => ({ data: { content: '', encoding: 'base64' } }),
              },
            },
            owner: 'acme',
            repo: 'shop',
            taskId: 'acme/shop#7',
            unsent,
          }),
      });
    await board().move('generating', { patch: { attempt: 1 } });
    // A raw path, as a marker written before paths were redacted carries it.
    s3Mock.rejects(new Error('down'));
    await board(parseStateMarker(issue.bodies.at(-1) ?? '')).move('failed', {
      patch: { unsent_artifacts: { attempt: 1, paths: [`files/config/${TOKEN}.env`, 'prompt.json'] } },
    });
    expect(issue.bodies.at(-1)).not.toContain(TOKEN);
    const marker = parseStateMarker(issue.bodies.at(-1) ?? '');
    expect(marker?.unsent_artifacts?.paths).toHaveLength(2);
    // The next step cannot re-send them (never published): the note names them lost, redacted.
    s3Mock.reset();
    await board(marker).move('generating', { patch: { attempt: 2 } });
    expect(issue.bodies.at(-1)).toContain('lost:');
    expect(issue.bodies.join('\n')).not.toContain(TOKEN);
  });

  it('leave a signed marker whose signature still holds (redacted before signing, not only at the sink)', async () => {
    const issue = fakeIssue();
    const key = Buffer.from('k'.repeat(32));
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: undefined,
      signingKey: key,
    });
    await board.move('generating', {
      patch: { attempt: 1, unsent_artifacts: { attempt: 1, paths: [`files/config/${TOKEN}.env`] } },
    });
    const body = issue.bodies.at(-1) ?? '';
    expect(body).not.toContain(TOKEN);
    const line = readStateMarker(body);
    expect(line?.marker.unsent_artifacts?.paths).toHaveLength(1);
    expect(markerSignatureMatches({ text: line?.json ?? '', signature: line?.signature ?? '', key })).toBe(
      true,
    );
  });
});
