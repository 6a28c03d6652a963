import nock from 'nock';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { createBedrockProvider } from '../../../src/generation/bedrock/create-bedrock-provider.js';
import { createInMemoryResponseCache } from '../../../src/generation/bedrock/in-memory-response-cache.js';
import { ModelOutputError, type GenerationInput } from '../../../src/generation/model-provider.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
  FAKE_RSA_KEY_BODY_LINES,
  FAKE_SLACK_BOT_TOKEN,
  fakeRsaPrivateKey,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { SECRET_CASES } from '../../fixtures/adversarial/secrets/secret-cases.js';
import { secretFragmentsIn } from '../../fixtures/adversarial/secrets/secret-fragments.js';
import {
  BEDROCK_ENDPOINT,
  CONVERSE_PATH,
  ordersApiInput,
  ordersApiToolInput,
  testProviderOptions,
  textOnlyResponse,
  toolUseResponse,
} from './helpers/converse-fixtures.js';

const USAGE = { inputTokens: 10, outputTokens: 10 };

/** Runs one generation against a nock'd Bedrock answering `reply`; returns the raw body Bedrock received. */
async function sentBody(
  input: GenerationInput,
  reply: Record<string, unknown> = toolUseResponse({ input: ordersApiToolInput(), usage: USAGE }),
): Promise<string> {
  let raw: string | undefined;
  nock(BEDROCK_ENDPOINT)
    .post(CONVERSE_PATH, (body: unknown) => {
      raw = JSON.stringify(body);
      return true;
    })
    .reply(200, reply);
  await createBedrockProvider(testProviderOptions().options).generate(input);
  if (raw === undefined) throw new Error('Bedrock received no request');
  return raw;
}

function userText(raw: string): string {
  const body = JSON.parse(raw) as { messages: { content: { text: string }[] }[] };
  return body.messages[0]?.content[0]?.text ?? '';
}

function between(text: string, tag: string): unknown {
  const match = new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(text);
  if (match?.[1] === undefined) throw new Error(`no <${tag}> section in: ${text}`);
  return JSON.parse(match[1]);
}

afterAll(() => {
  nock.restore();
});

describe('what Bedrock receives when secrets are about', () => {
  it('holds none a requester pasted into the request, and the request is still well-formed JSON', async () => {
    const base = ordersApiInput();
    const input: GenerationInput = {
      ...base,
      request: {
        ...base.request,
        execution_request: {
          ...base.request.execution_request,
          description: `Sign receipts with this key:\n${fakeRsaPrivateKey()}\nand post to Slack with ${FAKE_SLACK_BOT_TOKEN}.`,
        },
        // A loose field: the key names the secret and the value is on its own.
        deploy: { aws_secret_access_key: FAKE_AWS_SECRET_ACCESS_KEY },
      },
    };

    const raw = await sentBody(input);

    expect(
      secretFragmentsIn(raw, [...FAKE_RSA_KEY_BODY_LINES, FAKE_SLACK_BOT_TOKEN, FAKE_AWS_SECRET_ACCESS_KEY]),
    ).toEqual([]);
    expect(between(userText(raw), 'request')).toMatchObject({
      execution_request: {
        description:
          'Sign receipts with this key:\n[REDACTED:private-key]\nand post to Slack with [REDACTED:slack-token].',
      },
      deploy: { aws_secret_access_key: '[REDACTED:aws-secret-access-key]' },
    });
  });

  it('holds none the model wrote in the previous attempt or quoted in the findings', async () => {
    const previous: ArtifactBundle = {
      summary: `Uses ${FAKE_GITHUB_CLASSIC_TOKEN}`,
      plan: ['Add the files'],
      files: SECRET_CASES.map((secretCase) => secretCase.file),
      riskNotes: [],
    };
    const input = ordersApiInput({
      repair: {
        attempt: 1,
        previous,
        findings: [{ gate: 'model-output', message: `it said: "${FAKE_SLACK_BOT_TOKEN}"` }],
      },
    });

    const raw = await sentBody(input);

    const values = SECRET_CASES.flatMap((secretCase) => secretCase.values);
    expect(secretFragmentsIn(raw, [...values, FAKE_GITHUB_CLASSIC_TOKEN, FAKE_SLACK_BOT_TOKEN])).toEqual([]);
    const shown = between(userText(raw), 'previous_attempt') as {
      files: { path: string; content: string }[];
    };
    const escaped = SECRET_CASES.filter((secretCase) => secretCase.escaped).map(
      (secretCase) => secretCase.file.path,
    );
    // Escapes hide the value in the text, so such a file is replaced as a whole.
    expect(shown.files.filter((file) => escaped.includes(file.path)).map((file) => file.content)).toEqual([
      '[REDACTED:slack-webhook-url]',
      '[REDACTED:github-token]',
    ]);
  });

  it('redacts a secret the model wrote instead of calling the tool from the error it becomes', async () => {
    const answer = textOnlyResponse(`I cannot do that, but here is a token: ${FAKE_GITHUB_CLASSIC_TOKEN}`);
    nock(BEDROCK_ENDPOINT).post(CONVERSE_PATH).reply(200, answer);

    const error: unknown = await createBedrockProvider(testProviderOptions().options)
      .generate(ordersApiInput())
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ModelOutputError);
    const problems = (error as ModelOutputError).problems.join('\n');
    expect(problems).toContain('here is a token: [REDACTED:github-token]');
    expect(secretFragmentsIn(problems, [FAKE_GITHUB_CLASSIC_TOKEN])).toEqual([]);
  });

  it('never stores an answer holding a secret in the response cache', async () => {
    const leaky = ordersApiToolInput();
    leaky.files = [
      ...(leaky.files as unknown[]),
      {
        path: 'src/orders/notify.ts',
        role: 'source',
        content: `export const token = '${FAKE_SLACK_BOT_TOKEN}';\n`,
      },
    ];
    const cache = createInMemoryResponseCache();
    const provider = createBedrockProvider(testProviderOptions({ responseCache: cache }).options);
    const scope = nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH)
      .times(2)
      .reply(200, toolUseResponse({ input: leaky, usage: USAGE }));

    await provider.generate(ordersApiInput());
    const again = await provider.generate(ordersApiInput());

    // Not served from the cache: Bedrock was asked twice and the second answer was paid for.
    expect(scope.isDone()).toBe(true);
    expect(again.usage.outputTokens).toBe(10);
  });
});
