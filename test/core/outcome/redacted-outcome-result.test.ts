import { jest } from '@jest/globals';
import { OUTCOME_RESULT_VERSION, toOutcomeResult } from '../../../src/core/outcome/outcome-result.js';
import type { TaskOutcome } from '../../../src/core/outcome/task-outcome.js';
import { FAKE_AWS_SECRET_ACCESS_KEY } from '../../fixtures/adversarial/secrets/fake-secrets.js';

const SECRET = FAKE_AWS_SECRET_ACCESS_KEY;
const failed: TaskOutcome = {
  status: 'failed',
  taskId: 'acme/shop#7',
  issueNumber: 7,
  message: `The stack failed: aws_secret_access_key = "${SECRET}" and https://api.example.com/?password=S3cr3tPassw0rd`,
};

afterEach(() => jest.resetModules());

describe("the Action's result output (redactedOutcomeResult)", () => {
  it('FAULT (review10e notes): an outcome text holding a secret goes out redacted, as the record is, never as written', async () => {
    const { redactedOutcomeResult } = await import('../../../src/core/outcome/redacted-outcome-result.js');
    // The setup holds: the plain result carries the secret.
    expect(JSON.stringify(toOutcomeResult(failed))).toContain(SECRET);
    const result = await redactedOutcomeResult(failed);
    const text = JSON.stringify(result);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('S3cr3tPassw0rd');
    expect(result).toMatchObject({
      version: OUTCOME_RESULT_VERSION,
      status: 'failed',
      taskId: 'acme/shop#7',
      reasonCode: expect.any(String),
    });
    expect(result.message).toContain('[REDACTED:');
  });

  it('keeps an outcome without secrets as toOutcomeResult gives it', async () => {
    const { redactedOutcomeResult } = await import('../../../src/core/outcome/redacted-outcome-result.js');
    const answered: TaskOutcome = { status: 'answered', message: 'Deployed to staging.' };
    expect(await redactedOutcomeResult(answered)).toEqual(toOutcomeResult(answered));
  });

  it('sends only what the agent made when the scanner fails', async () => {
    jest.unstable_mockModule('../../../src/core/secrets/redact-json-strings.js', () => ({
      redactJsonStrings: () => Promise.reject(new Error('scanner crashed')),
    }));
    const { redactedOutcomeResult } = await import('../../../src/core/outcome/redacted-outcome-result.js');
    const result = await redactedOutcomeResult(failed);
    expect(result).toEqual({
      version: OUTCOME_RESULT_VERSION,
      status: 'failed',
      reasonCode: toOutcomeResult(failed).reasonCode,
      message: '[REDACTED:not-scanned]',
    });
  });
});
