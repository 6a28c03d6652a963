import { jest } from '@jest/globals';
import type { TaskOutcome } from '../../../src/core/outcome/task-outcome.js';
import { FAKE_AWS_SECRET_ACCESS_KEY } from '../../fixtures/adversarial/secrets/fake-secrets.js';

const SECRET = FAKE_AWS_SECRET_ACCESS_KEY;
const deployed = (fullText: string, truncated: boolean): TaskOutcome => ({
  status: 'deployed',
  deploymentId: 42,
  result: {
    reason: 'deployed',
    message: 'Deployed to staging.',
    stackName: 'orders-api-staging',
    changeSummary: { truncated, fullText },
  },
});
const ROWS = `Add ConfigParameter (AWS::SSM::Parameter) value aws_secret_access_key = "${SECRET}"\nModify OrdersFunction (AWS::Lambda::Function)`;

afterEach(() => jest.resetModules());

describe("the job summary's full change set (redactedFullChangeSet)", () => {
  it('FAULT (review10e notes): a change set cut on the status comment goes to the job summary redacted, never as written', async () => {
    const { redactedFullChangeSet } = await import('../../../src/core/outcome/redacted-full-change-set.js');
    const text = await redactedFullChangeSet(deployed(ROWS, true));
    expect(text).toBeDefined();
    expect(text).not.toContain(SECRET);
    expect(text).toContain('[REDACTED:');
    expect(text).toContain('Modify OrdersFunction (AWS::Lambda::Function)');
  });

  it('gives nothing when the status comment showed the change set whole, or there is none', async () => {
    const { redactedFullChangeSet } = await import('../../../src/core/outcome/redacted-full-change-set.js');
    expect(await redactedFullChangeSet(deployed(ROWS, false))).toBeUndefined();
    expect(
      await redactedFullChangeSet({ status: 'answered', message: 'Deployed to staging.' }),
    ).toBeUndefined();
  });

  it('sends the not-scanned marker when the scanner fails', async () => {
    jest.unstable_mockModule('../../../src/core/secrets/redact-secrets.js', () => ({
      redactSecrets: () => Promise.reject(new Error('scanner crashed')),
    }));
    const { redactedFullChangeSet } = await import('../../../src/core/outcome/redacted-full-change-set.js');
    expect(await redactedFullChangeSet(deployed(ROWS, true))).toBe('[REDACTED:not-scanned]');
  });
});
