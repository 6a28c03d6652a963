/**
 * DESIGN §5b: an escaped JSON secret (`"{\"aws_secret_access_key\":\"…\"}"`) reaches no outgoing
 * channel: not a prompt body Bedrock receives, a status comment, a finding or an event detail.
 * Each channel goes through `redactSecrets`, which decodes escapes and embedded JSON.
 */
import nock from 'nock';
import type { GateFinding } from '../../../src/core/gates/gate-report.js';
import { redactFindings } from '../../../src/core/gates/redact-findings.js';
import { redactEventText } from '../../../src/core/task/redact-event-text.js';
import { createBedrockProvider } from '../../../src/generation/bedrock/create-bedrock-provider.js';
import { holdRequest } from '../../../src/pipeline/implement/hold-request.js';
import type { StatusBoard } from '../../../src/pipeline/task/status-board.js';
import { FAKE_AWS_SECRET_ACCESS_KEY as SECRET } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import {
  BEDROCK_ENDPOINT,
  CONVERSE_PATH,
  ordersApiInput,
  ordersApiToolInput,
  testProviderOptions,
  toolUseResponse,
} from '../../generation/bedrock/helpers/converse-fixtures.js';

/** The secret as JSON text quoted inside another JSON string: its name and value are escaped. */
const ESCAPED_JSON = JSON.stringify(JSON.stringify({ aws_secret_access_key: SECRET }));

beforeAll(() => {
  nock.disableNetConnect();
});

afterAll(() => {
  nock.restore();
});

describe('an escaped JSON secret on each outgoing channel', () => {
  it('does not reach the prompt body Bedrock receives (a finding and a file quoted in a repair)', async () => {
    let raw: string | undefined;
    nock(BEDROCK_ENDPOINT)
      .post(CONVERSE_PATH, (body: unknown) => {
        raw = JSON.stringify(body);
        return true;
      })
      .reply(
        200,
        toolUseResponse({ input: ordersApiToolInput(), usage: { inputTokens: 1, outputTokens: 1 } }),
      );
    const input = ordersApiInput({
      repair: {
        attempt: 1,
        previous: {
          summary: 'Adds notes',
          plan: ['Add the notes'],
          files: [{ path: 'docs/notes.md', role: 'doc', content: `Deploy with ${ESCAPED_JSON}\n` }],
          riskNotes: [],
        },
        findings: [{ gate: 'model-output', message: `it said: ${ESCAPED_JSON}` }],
      },
    });

    await createBedrockProvider(testProviderOptions().options).generate(input);

    expect(raw).toBeDefined();
    expect(raw).not.toContain(SECRET);
    expect(raw).toContain('[REDACTED:aws-secret-access-key]');
  });

  it('does not reach a status comment showing a held request', async () => {
    const details: string[] = [];
    const board = {
      move: (_state: string, options?: { details?: string }) => {
        if (options?.details !== undefined) details.push(options.details);
        return Promise.resolve();
      },
    } as unknown as StatusBoard;
    const client = { issues: { createComment: () => Promise.resolve({ data: { id: 1 } }) } };
    const base = ordersApiInput().request;

    await holdRequest({
      client,
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      issueNumber: 42,
      taskId: 'task-1',
      board,
      from: undefined,
      requester: { login: 'outsider' },
      payload: { ...base, execution_request: { ...base.execution_request, description: ESCAPED_JSON } },
      requestCommentId: undefined,
      why: { kind: 'no-write-access' },
    });

    expect(details).toHaveLength(1);
    expect(details.join('')).not.toContain(SECRET);
    expect(details.join('')).toContain('[REDACTED:aws-secret-access-key]');
  });

  it('does not reach a finding', async () => {
    const findings: GateFinding[] = [
      { gate: 'template', message: `line 3: ${ESCAPED_JSON}`, path: 'a.yaml' },
    ];

    const [redacted] = await redactFindings(findings);

    expect(redacted?.message).not.toContain(SECRET);
    expect(redacted?.message).toContain('[REDACTED:aws-secret-access-key]');
  });

  it('does not reach an event detail', async () => {
    const event = await redactEventText({ type: 'started', task_name: `Orders ${ESCAPED_JSON}` });

    expect(event.task_name).not.toContain(SECRET);
    expect(event.task_name).toContain('[REDACTED:aws-secret-access-key]');
  });
});
