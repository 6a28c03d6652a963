import { reasonCodeOf } from '../../../src/core/outcome/outcome-reason-code.js';
import { OUTCOME_RESULT_VERSION, toOutcomeResult } from '../../../src/core/outcome/outcome-result.js';
import { summarizeOutcome } from '../../../src/core/outcome/outcome-summary.js';
import { redactedOutcomeResult } from '../../../src/core/outcome/redacted-outcome-result.js';
import { isFailureOutcome, type TaskOutcome } from '../../../src/core/outcome/task-outcome.js';

const prOpen: TaskOutcome = {
  status: 'pr_open',
  taskId: 'acme/shop#7',
  issueNumber: 7,
  pullNumber: 12,
  pullUrl: 'https://github.com/acme/shop/pull/12',
  commitSha: 'a'.repeat(40),
  created: false,
  costUsd: 0.01,
};
const deployReport = (reason: string) => ({
  reason,
  message: `Deploy ${reason}.`,
  stackName: 'orders-api-staging',
  changeSummary: { truncated: true, fullText: 'x'.repeat(100_000) },
});

describe('the one TaskOutcome: status, reason code, details', () => {
  it.each<[TaskOutcome, string]>([
    [{ status: 'ignored', reason: 'not an implementation request' }, 'not_for_agent'],
    [prOpen, 'pr_updated'],
    [{ ...prOpen, created: true }, 'pr_opened'],
    [
      { status: 'deployment_created', deploymentId: 1, environment: 'staging', sha: 'a', dryRun: true },
      'dry_run_requested',
    ],
    [{ status: 'held', message: 'held' }, 'requester_lacks_write_access'],
    [{ status: 'invalid_request', message: 'bad' }, 'invalid_request'],
    [{ status: 'deployed', deploymentId: 1, result: deployReport('no-changes') }, 'no_changes'],
    [
      { status: 'deploy_failed', deploymentId: 1, message: 'x', result: deployReport('timed-out') },
      'deploy_timed_out',
    ],
    [{ status: 'deploy_failed', deploymentId: 1, message: 'sha moved' }, 'deploy_refused'],
    // A use case that knows better says so; the status alone would say `failed`.
    [{ status: 'failed', message: 'Validation failed', reasonCode: 'invalid_config' }, 'invalid_config'],
  ])('gives %j the reason code %s', (outcome, code) => {
    expect(reasonCodeOf(outcome)).toBe(code);
  });

  it("renders the Action's result: every field the outcome has, plus version, reasonCode and message", () => {
    expect(toOutcomeResult(prOpen)).toEqual({
      version: OUTCOME_RESULT_VERSION,
      ...prOpen,
      reasonCode: 'pr_updated',
      message: 'Pull request #12 updated: https://github.com/acme/shop/pull/12',
    });
  });

  // Deliberately raised (issue #10): version 1's deploy report carried the stack's `outputs`; the
  // Action's result has left them out since (a NoEcho parameter may echo there), a removed field.
  it("is version 2: a deploy's report in the Action's result carries no stack outputs", async () => {
    expect(OUTCOME_RESULT_VERSION).toBe(2);
    const report = { ...deployReport('deployed'), outputs: { ApiUrl: 'https://api.example.com' } };
    const result = await redactedOutcomeResult({ status: 'deployed', deploymentId: 9, result: report });
    expect(result).toMatchObject({ version: 2, status: 'deployed', reasonCode: 'deployed' });
    expect('result' in result ? result.result : undefined).toEqual(
      expect.not.objectContaining({ outputs: expect.anything() }),
    );
    expect(JSON.stringify(result)).not.toContain('api.example.com');
  });

  it('keeps scalars in the summary a record stores, bounded, and leaves nested reports out', () => {
    const summary = summarizeOutcome({
      status: 'deploy_failed',
      deploymentId: 41,
      message: 'm'.repeat(10_000),
      result: deployReport('failed'),
    });
    expect(summary).toEqual({
      version: OUTCOME_RESULT_VERSION,
      status: 'deploy_failed',
      reasonCode: 'deploy_failed',
      deploymentId: 41,
      message: `${'m'.repeat(1999)}…`,
    });
  });

  it('counts failures the Action fails its job on', () => {
    expect(isFailureOutcome({ status: 'deploy_failed' })).toBe(true);
    expect(isFailureOutcome({ status: 'invalid_request' })).toBe(true);
    expect(isFailureOutcome({ status: 'held' })).toBe(false);
    expect(isFailureOutcome(prOpen)).toBe(false);
  });
});
