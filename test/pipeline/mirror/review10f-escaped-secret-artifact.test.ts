/**
 * review10f (attack on issue #10): secrets in the audit artifacts (`model-calls/<n>/answer.json`).
 *
 * A model call's answer is kept whole for audit, unusable answers included. When the model writes
 * its files as JSON text in a text block instead of calling the tool (an unusable answer the repair
 * loop then retries), a generated JSON file's secret sits in that text escaped twice over
 * (`{\"aws_secret_access_key\":\"…\"}`): `redactJsonStrings` scans the text as it is, where the
 * scanner's name-then-value pattern no longer matches, so the key reaches the artifacts bucket.
 *
 * Tried and held: the same secret in the tool call's `files[].content` (file-shaped, escapes decoded:
 * `redactFile`) is redacted; a secret written plainly in a text block is redacted; a secret as a key
 * of the request's free-form fields is redacted (store-attempt-artifacts.test.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';
import { storeAttemptArtifacts } from '../../../src/pipeline/mirror/store-attempt-artifacts.js';
import { FAKE_AWS_SECRET_ACCESS_KEY } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

async function storedAnswer(content: readonly unknown[]): Promise<string> {
  const { artifacts } = filesystemStores(await mkdtemp(path.join(tmpdir(), 'attempt-')));
  const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
  await storeAttemptArtifacts({
    store: artifacts,
    ...where,
    provider: 'bedrock',
    request: ordersApiRequest,
    context: { owner: 'acme', repo: 'shop', issueNumber: 7 },
    prepared: {
      ok: false,
      generation: {
        ok: false,
        findings: [{ gate: 'model-output', message: 'no write_files call' }],
        usage: NO_USAGE,
        attempts: 1,
        model: 'anthropic.claude',
        exchanges: [
          {
            prompt: { modelId: 'anthropic.claude', messages: [{ role: 'user', content: [{ text: 'go' }] }] },
            answer: { output: { message: { role: 'assistant', content } }, stopReason: 'end_turn' },
          },
        ],
      },
      summary: 'Validation failed after 1 attempt(s).',
      findings: '',
    },
  });
  return new TextDecoder().decode(
    (await artifacts.get({ ...where, path: 'model-calls/1/answer.json' }))!.body,
  );
}

const configJson = JSON.stringify({ region: 'us-east-1', aws_secret_access_key: FAKE_AWS_SECRET_ACCESS_KEY });

describe('review10f: a secret in a model answer kept for audit', () => {
  it("FAULT: secret reaches S3: a JSON file's AWS secret key in an answer's text block (the files written as JSON text, no tool call) is stored unredacted in model-calls/1/answer.json", async () => {
    const text = `Here are the files:\n${JSON.stringify({ files: [{ path: 'app/config.json', content: configJson }] })}`;
    const answer = await storedAnswer([{ text }]);
    expect(answer).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
  });

  it('the files written as a quoted JSON string in the text (escaped once more) are redacted too', async () => {
    const files = JSON.stringify({ files: [{ path: 'app/config.json', content: configJson }] });
    const answer = await storedAnswer([{ text: `Files: ${JSON.stringify(files)}` }]);
    expect(answer).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
    expect(answer).toContain('[REDACTED:');
  });

  it('a JSON config quoted in prose beside a tool call is redacted in both', async () => {
    const answer = await storedAnswer([
      { text: `I moved ${configJson} into the file.` },
      {
        toolUse: {
          name: 'write_files',
          input: { files: [{ path: 'app/config.json', content: configJson }] },
        },
      },
    ]);
    expect(answer).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
  });

  it('holds: the same file in the tool call is redacted', async () => {
    const answer = await storedAnswer([
      {
        toolUse: {
          name: 'write_files',
          input: { files: [{ path: 'app/config.json', content: configJson }] },
        },
      },
    ]);
    expect(answer).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
  });
});
