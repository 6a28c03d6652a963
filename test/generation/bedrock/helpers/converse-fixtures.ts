import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { DEFAULT_MODEL_ID } from '../../../../src/core/config/agent-config.js';
import type { GenerationInput } from '../../../../src/generation/model-provider.js';
import type { BedrockProviderOptions } from '../../../../src/generation/bedrock/create-bedrock-provider.js';

/** The real regional endpoint; nock answers for it, the SDK signs and sends as it would in production. */
export const BEDROCK_ENDPOINT = 'https://bedrock-runtime.ap-southeast-2.amazonaws.com';
export const CONVERSE_PATH = `/model/${encodeURIComponent(DEFAULT_MODEL_ID)}/converse`;

export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };

export function ordersApiInput(overrides: Partial<GenerationInput> = {}): GenerationInput {
  return {
    request: {
      execution_request: {
        task_type: 'application',
        task_name: 'Orders API',
        execution_mode: 'guided',
        target_environment: 'staging',
        description: 'A small REST API to place and list orders.',
      },
      support_artifacts: { user_stories: ['As a customer I can place an order'] },
    },
    context: { owner: 'acme', repo: 'shop', issueNumber: 42 },
    ...overrides,
  };
}

/** What Claude sends as the `write_files` tool input for the Orders API request. */
export function ordersApiToolInput(): Record<string, unknown> {
  return {
    summary: 'Adds an Orders API on Lambda and API Gateway with a DynamoDB table.',
    plan: ['Create the orders table and function', 'Implement the handler', 'Test the handler'],
    files: [
      {
        path: 'infra/orders-api.yaml',
        role: 'template',
        content:
          "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  OrdersTable:\n    Type: AWS::DynamoDB::Table\n",
      },
      {
        path: 'src/orders/handler.ts',
        role: 'source',
        content: 'export const handler = async () => ({ statusCode: 200 });\n',
      },
      {
        path: 'test/orders/handler.test.ts',
        role: 'test',
        content: "test('ok', () => expect(1).toBe(1));\n",
      },
      { path: 'docs/orders-api.md', role: 'doc', content: '# Orders API\n' },
    ],
    template_path: 'infra/orders-api.yaml',
    risk_notes: ['Creates an IAM role for the function'],
  };
}

export interface ConverseUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

/** A Converse response body shaped like Bedrock's for a forced tool call. */
export function toolUseResponse(params: {
  input: unknown;
  usage: ConverseUsage;
  /** The tool called: `write_files` (generation) unless given, `revise_files` for a revision. */
  name?: string;
}): Record<string, unknown> {
  const { usage } = params;
  return {
    output: {
      message: {
        role: 'assistant',
        content: [
          {
            toolUse: {
              toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q',
              name: params.name ?? 'write_files',
              input: params.input,
            },
          },
        ],
      },
    },
    stopReason: 'tool_use',
    usage: {
      ...usage,
      totalTokens:
        usage.inputTokens +
        usage.outputTokens +
        (usage.cacheReadInputTokens ?? 0) +
        (usage.cacheWriteInputTokens ?? 0),
    },
    metrics: { latencyMs: 8123 },
  };
}

export function textOnlyResponse(text: string): Record<string, unknown> {
  return {
    output: { message: { role: 'assistant', content: [{ text }] } },
    stopReason: 'end_turn',
    usage: { inputTokens: 1200, outputTokens: 80, totalTokens: 1280 },
    metrics: { latencyMs: 950 },
  };
}

/** Bedrock's error wire format: the error name in a header, the message in a JSON body. */
export function errorReply(params: { status: number; type: string; message: string }) {
  return [
    params.status,
    { message: params.message },
    { 'x-amzn-ErrorType': params.type, 'Content-Type': 'application/json' },
  ] as const;
}

/** Provider options for the real endpoint shape with fake credentials; sleeps are recorded, never waited. */
export function testProviderOptions(overrides: Partial<BedrockProviderOptions> = {}): {
  options: BedrockProviderOptions;
  sleeps: number[];
} {
  const sleeps: number[] = [];
  const options: BedrockProviderOptions = {
    region: 'ap-southeast-2',
    credentials: FAKE_CREDENTIALS,
    requestHandler: new FetchHttpHandler(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  };
  return { options, sleeps };
}

/** What the model sends as the `revise_files` input: `files` changed, one answer per feedback id. */
export function reviseToolInput(params: {
  files: { path: string; content: string }[];
  answers: { id: string; changed: boolean; answer: string }[];
  summary?: string;
}): Record<string, unknown> {
  return {
    summary: params.summary ?? 'Address review feedback',
    files: params.files,
    answers: params.answers,
  };
}
