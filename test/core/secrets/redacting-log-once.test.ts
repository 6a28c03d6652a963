import { jest } from '@jest/globals';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import {
  awsError,
  CHANGE_SET_NAME,
  REGION,
  STACK_NAME,
} from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

/**
 * Deploy logs crossed three redacting layers (the Action's reporter, `runDeployment`,
 * `deployStack`), each scanning every line again: wasted work, and each pass scanned the last
 * pass's markers as text. A line is redacted once, at the sink. The redactor is counted here (a
 * stand-in that masks the one token), so the test sees how many times each line was scanned.
 */
const scanned: string[] = [];
jest.unstable_mockModule('../../../src/core/secrets/redact-json-strings.js', () => ({
  redactJsonStrings: (value: unknown) => {
    scanned.push(String(value));
    return Promise.resolve(String(value).split(TOKEN).join('[REDACTED:github-token]'));
  },
}));
const { redactingLog } = await import('../../../src/core/secrets/redacting-log.js');
const { redactingReporter } = await import('../../../src/core/secrets/redacting-reporter.js');

beforeEach(() => {
  scanned.length = 0;
});

describe('a log line is redacted once, at the sink', () => {
  it('a redacting log asked for around a log that already redacts is that log itself', async () => {
    const lines: string[] = [];
    const outer = redactingLog((line) => lines.push(line));
    const middle = redactingLog(outer.log);
    const inner = redactingLog(middle.log);
    expect(inner).toBe(outer);
    inner.log(`git push https://x-access-token:${TOKEN}@github.com/acme/shop.git`);
    await inner.flush();
    expect(scanned).toHaveLength(1);
    expect(lines).toEqual([
      'git push https://x-access-token:[REDACTED:github-token]@github.com/acme/shop.git',
    ]);
  });

  it("a stack deploy logging to the Action's reporter scans each line once", async () => {
    const { deployStack } = await import('../../../src/aws/cloudformation/deploy-stack.js');
    const cfnMock = mockClient(CloudFormationClient);
    cfnMock
      .onAnyCommand()
      .rejects(awsError('ValidationError', `Parameter 'Token' value '${TOKEN}' is invalid`));
    const written: string[] = [];
    const reporter = redactingReporter({ info: (line) => written.push(line), setFailed: () => undefined });
    const result = await deployStack({
      cfn: new CloudFormationClient({ region: REGION }),
      stackName: STACK_NAME,
      templateBody: '{"Resources":{"OrdersQueue":{"Type":"AWS::SQS::Queue"}}}',
      parameters: {},
      tags: {},
      recreateRolledBackStack: false,
      terminationProtection: false,
      changeSetName: CHANGE_SET_NAME,
      dryRun: false,
      timeoutMs: 60_000,
      sleep: () => Promise.resolve(),
      now: () => 0,
      log: reporter.log,
    });
    await reporter.flush();
    cfnMock.restore();
    expect(result.finalStatus).toBe('failure');
    expect(written.length).toBeGreaterThan(0);
    expect(scanned).toHaveLength(written.length);
    expect(written.join('\n')).not.toContain(TOKEN);
    expect(written.join('\n')).toContain("value '[REDACTED:github-token]' is invalid");
  });
});
