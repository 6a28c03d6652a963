import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import type { GatePolicy } from '../../../src/core/gates/gate-report.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createBedrockProvider } from '../../../src/generation/bedrock/create-bedrock-provider.js';
import { ModelOutputError, NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { generateWithRepair } from '../../../src/pipeline/implement/generate-with-repair.js';
import { storeAttemptArtifacts } from '../../../src/pipeline/mirror/store-attempt-artifacts.js';
import { FAKE_AWS_SECRET_ACCESS_KEY } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';
import {
  BEDROCK_ENDPOINT,
  CONVERSE_PATH,
  ordersApiInput,
  testProviderOptions,
  textOnlyResponse,
} from '../../generation/bedrock/helpers/converse-fixtures.js';

afterAll(() => {
  nock.restore();
});

/** Every answer here is unusable, so the gates never run; any policy does. */
const POLICY: GatePolicy = {
  maxFiles: 50,
  maxFileBytes: 200_000,
  maxTotalBytes: 1_000_000,
  allowedPaths: [],
  allowedGithubPaths: [],
};

const LEAK = `aws_secret_access_key = ${FAKE_AWS_SECRET_ACCESS_KEY}`;

describe('audit: each model call of an attempt is stored whole, secrets redacted', () => {
  it('keeps the Converse request and answer of every call (repairs included) under model-calls/<n>/, redacted, typed and hashed', async () => {
    // Every answer is unusable (text, no tool call) and quotes a secret it was given.
    const scope = nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .times(3)
      .reply(200, textOnlyResponse(`I would store ${LEAK} in the function's environment.`));
    const provider = createBedrockProvider(testProviderOptions().options);
    const request = {
      ...ordersApiRequest,
      execution_request: { ...ordersApiRequest.execution_request, description: `Use ${LEAK}` },
    };
    const generation = await generateWithRepair({
      provider,
      request,
      context: ordersApiInput().context,
      policy: POLICY,
      maxRepairAttempts: 2,
    });
    expect(scope.isDone()).toBe(true);
    expect(generation.ok).toBe(false);
    expect(generation.exchanges).toHaveLength(3);

    const { artifacts } = filesystemStores(await mkdtemp(path.join(tmpdir(), 'audit-')));
    const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
    if (generation.ok) throw new Error('expected a failed generation');
    await storeAttemptArtifacts({
      store: artifacts,
      ...where,
      provider: 'bedrock',
      request,
      context: { owner: 'acme', repo: 'shop', issueNumber: 7 },
      prepared: { ok: false, generation, summary: 'Validation failed after 3 attempt(s).', findings: '' },
    });

    const stored = await artifacts.list(where);
    const calls = stored.filter((artifact) => artifact.path.startsWith('model-calls/'));
    expect(calls.map((artifact) => [artifact.key, artifact.contentType])).toEqual(
      [1, 2, 3].flatMap((n) => [
        [`acme/shop/7/1/model-calls/${n}/answer.json`, 'application/json'],
        [`acme/shop/7/1/model-calls/${n}/prompt.json`, 'application/json'],
      ]),
    );
    for (const artifact of calls) {
      const body = (await artifacts.get(artifact))!.body;
      expect(artifact.sha256).toBe(createHash('sha256').update(body).digest('hex'));
      const text = new TextDecoder().decode(body);
      expect(text).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
    }
    const read = async (name: string) =>
      JSON.parse(new TextDecoder().decode((await artifacts.get({ ...where, path: name }))!.body));
    // The prompt is the request as sent: the model, the system prompt, the messages and the tool.
    const firstPrompt = await read('model-calls/1/prompt.json');
    expect(firstPrompt).toMatchObject({ modelId: expect.any(String), toolConfig: expect.any(Object) });
    expect(JSON.stringify(firstPrompt.system)).toContain('You are implementation-agent');
    expect(JSON.stringify(firstPrompt.messages)).toContain('[REDACTED:aws-secret-access-key]');
    // A repair's prompt carries the problems of the answer before it.
    expect(JSON.stringify((await read('model-calls/2/prompt.json')).messages)).toContain(
      'without calling write_files',
    );
    // The answer is the model's, whole: its message, why it stopped, its usage.
    const answer = await read('model-calls/1/answer.json');
    expect(answer).toMatchObject({ stopReason: 'end_turn', usage: expect.any(Object) });
    expect(JSON.stringify(answer.output)).toContain('[REDACTED:aws-secret-access-key]');
    expect(answer).not.toHaveProperty('$metadata');
  });

  it('stores no model calls for a provider that calls no model', async () => {
    const offline: ModelProvider = {
      name: 'offline',
      async generate() {
        throw new ModelOutputError('unusable', ['nothing'], NO_USAGE);
      },
    };
    const generation = await generateWithRepair({
      provider: offline,
      request: ordersApiRequest,
      context: { owner: 'acme', repo: 'shop' },
      policy: POLICY,
      maxRepairAttempts: 0,
    });
    expect(generation.exchanges).toEqual([]);
  });
});
