import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { NO_USAGE } from '../../../src/generation/model-provider.js';
import { storeAttemptArtifacts } from '../../../src/pipeline/mirror/store-attempt-artifacts.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

describe('storeAttemptArtifacts', () => {
  it('keeps the prompt, the answer and the report of a failed attempt with every secret redacted', async () => {
    const { artifacts } = filesystemStores(await mkdtemp(path.join(tmpdir(), 'attempt-')));
    const request = {
      ...ordersApiRequest,
      execution_request: {
        ...ordersApiRequest.execution_request,
        description: `Deploy with aws_secret_access_key = ${FAKE_AWS_SECRET_ACCESS_KEY}`,
      },
    };
    const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 2 };
    const result = await storeAttemptArtifacts({
      store: artifacts,
      ...where,
      provider: 'bedrock',
      request,
      context: { owner: 'acme', repo: 'shop', issueNumber: 7 },
      prepared: {
        ok: false,
        generation: {
          ok: false,
          findings: [{ gate: 'model-output', message: `token ${FAKE_GITHUB_CLASSIC_TOKEN}` }],
          usage: NO_USAGE,
          attempts: 3,
          model: 'anthropic.claude',
        },
        summary: 'Validation failed after 3 attempt(s).',
        findings: '',
      },
    });

    expect(result.stored).toBe(3);
    const stored = await artifacts.list(where);
    expect(stored.map((artifact) => [artifact.key, artifact.contentType])).toEqual([
      ['acme/shop/7/2/answer.json', 'application/json'],
      ['acme/shop/7/2/prompt.json', 'application/json'],
      ['acme/shop/7/2/validation-report.json', 'application/json'],
    ]);
    const text = async (name: string) =>
      new TextDecoder().decode((await artifacts.get({ ...where, path: name }))!.body);
    const prompt = await text('prompt.json');
    expect(prompt).toContain('[REDACTED:aws-secret-access-key]');
    expect(prompt).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
    expect(JSON.parse(prompt)).toMatchObject({ provider: 'bedrock', context: { issueNumber: 7 } });
    const report = await text('validation-report.json');
    expect(report).not.toContain(FAKE_GITHUB_CLASSIC_TOKEN);
    expect(report).toContain('[REDACTED:github-token]');
    expect(JSON.parse(await text('answer.json'))).toMatchObject({ model: 'anthropic.claude', attempts: 3 });
  });

  it('redacts a model-call answer file by its path, as the files and the next prompt are', async () => {
    const { artifacts } = filesystemStores(await mkdtemp(path.join(tmpdir(), 'attempt-')));
    // An npm token in the classic form is a secret only in an .npmrc (secretlint's file-type rule).
    const npmToken = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
    const npmrc = `//registry.npmjs.org/:_authToken=${npmToken}\n`;
    const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
    const toolInput = { summary: 'adds .npmrc', files: [{ path: '.npmrc', role: 'config', content: npmrc }] };
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
          findings: [{ gate: 'secrets', message: 'a secret in .npmrc' }],
          usage: NO_USAGE,
          attempts: 1,
          model: 'anthropic.claude',
          exchanges: [
            {
              prompt: {
                modelId: 'anthropic.claude',
                messages: [{ role: 'user', content: [{ text: 'go' }] }],
              },
              answer: {
                output: {
                  message: {
                    role: 'assistant',
                    content: [{ toolUse: { name: 'write_files', input: toolInput } }],
                  },
                },
                stopReason: 'tool_use',
              },
            },
          ],
        },
        summary: 'Validation failed after 1 attempt(s).',
        findings: '',
      },
    });

    const answer = new TextDecoder().decode(
      (await artifacts.get({ ...where, path: 'model-calls/1/answer.json' }))!.body,
    );
    expect(answer).not.toContain(npmToken);
    expect(answer).toContain('[REDACTED:npm-token]');
  });

  it("redacts a secret the requester wrote as a key of the request's free-form fields", async () => {
    const { artifacts } = filesystemStores(await mkdtemp(path.join(tmpdir(), 'attempt-')));
    const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
    // assessment_results takes any keys (an upstream planner's scores): a key is text the requester chose.
    const request = {
      ...ordersApiRequest,
      assessment_results: { overall_score: 7, [FAKE_GITHUB_CLASSIC_TOKEN]: 'see key' },
    };
    await storeAttemptArtifacts({
      store: artifacts,
      ...where,
      provider: 'bedrock',
      request,
      context: { owner: 'acme', repo: 'shop', issueNumber: 7 },
      prepared: {
        ok: false,
        generation: { ok: false, findings: [], usage: NO_USAGE, attempts: 1, model: 'anthropic.claude' },
        summary: 'Validation failed after 1 attempt(s).',
        findings: '',
      },
    });
    const prompt = new TextDecoder().decode((await artifacts.get({ ...where, path: 'prompt.json' }))!.body);
    expect(prompt).not.toContain(FAKE_GITHUB_CLASSIC_TOKEN);
    expect(JSON.parse(prompt).request.assessment_results).toEqual({
      overall_score: 7,
      '[REDACTED:github-token]': 'see key',
    });
  });

  it('stores every other artifact of the attempt when one cannot be stored, then says which', async () => {
    const { artifacts } = filesystemStores(await mkdtemp(path.join(tmpdir(), 'attempt-')));
    // A file name past the store's limits (an encoded S3 key over 1,024 bytes, a file name over 255).
    const refusing = {
      ...artifacts,
      put: async (artifact: Parameters<typeof artifacts.put>[0]) =>
        artifact.path === 'validation-report.json'
          ? Promise.reject(new Error('KeyTooLongError: Your key is too long'))
          : artifacts.put(artifact),
    };
    const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
    await expect(
      storeAttemptArtifacts({
        store: refusing,
        ...where,
        provider: 'bedrock',
        request: ordersApiRequest,
        context: { owner: 'acme', repo: 'shop', issueNumber: 7 },
        prepared: {
          ok: false,
          generation: { ok: false, findings: [], usage: NO_USAGE, attempts: 1, model: 'anthropic.claude' },
          summary: 'Validation failed after 1 attempt(s).',
          findings: '',
        },
      }),
    ).rejects.toThrow(/validation-report\.json.*KeyTooLongError/);
    expect((await artifacts.list(where)).map((artifact) => artifact.path)).toEqual([
      'answer.json',
      'prompt.json',
    ]);
  });
});
