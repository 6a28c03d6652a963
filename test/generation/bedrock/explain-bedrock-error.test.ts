import { explainBedrockError } from '../../../src/generation/bedrock/explain-bedrock-error.js';

const MODEL = 'au.anthropic.claude-sonnet-4-5-20250929-v1:0';

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function explain(error: unknown) {
  return explainBedrockError({ error, modelId: MODEL, region: 'ap-southeast-2', attempts: 1 });
}

describe('explainBedrockError', () => {
  it('keeps the original error as the cause and its name as the code', () => {
    const original = namedError('ServiceQuotaExceededException', 'Too many tokens per day.');

    const explained = explain(original);

    expect(explained.cause).toBe(original);
    expect(explained.code).toBe('ServiceQuotaExceededException');
    expect(explained.message).toContain('ask for a higher quota or lower model.max_tokens');
    expect(explained.message).toContain('Too many tokens per day.');
  });

  it('points an on-demand model id at inference profiles', () => {
    const explained = explain(
      namedError(
        'ValidationException',
        "Invocation of model ID anthropic.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput isn't supported.",
      ),
    );

    expect(explained.message).toContain('check model.id / inference profile');
  });

  it('does not blame the model id for other invalid requests', () => {
    const explained = explain(namedError('ValidationException', 'messages.0.content: must not be empty'));

    expect(explained.message).toMatch(/^Bedrock rejected the request as invalid/);
    expect(explained.message).not.toContain('model.id');
  });

  it('says where credentials should come from when there are none', () => {
    const explained = explain(
      namedError('CredentialsProviderError', 'Could not load credentials from any providers'),
    );

    expect(explained.message).toContain('aws-actions/configure-aws-credentials');
  });

  it('reports a transient failure that outlasted the retries as retryable', () => {
    const explained = explainBedrockError({
      error: Object.assign(namedError('InternalServerException', 'internal error'), {
        $metadata: { httpStatusCode: 500 },
      }),
      modelId: MODEL,
      region: 'ap-southeast-2',
      attempts: 5,
    });

    expect(explained.retryable).toBe(true);
    expect(explained.message).toContain('stayed unavailable');
    expect(explained.message).toContain('after 5 attempt(s)');
  });
});
