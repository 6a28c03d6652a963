import type { DeployResult } from './deploy-result.js';
import type { StackOperationOutcome } from './execute-and-wait.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';

/** The result of a change set that ran and did not succeed: failed, cancelled or timed out. */
export function failedDeployResult(params: {
  stackName: string;
  outcome: Exclude<StackOperationOutcome, { kind: 'succeeded' }>;
  timeoutMs: number;
  warnings: string[];
}): DeployResult {
  const { stackName, outcome, timeoutMs, warnings } = params;
  const base = {
    finalStatus: 'failure',
    stackName,
    stackStatus: outcome.stackStatus,
    outputs: {},
    warnings,
  } as const;
  if (outcome.kind === 'timed-out') {
    const minutes = Math.round(timeoutMs / 60_000);
    return {
      ...base,
      reason: 'timed-out',
      message: `Deploy of ${untrustedInline(stackName)} timed out after ${minutes} min with the stack in ${outcome.stackStatus}. CloudFormation carries on: check the stack, or stop an update with \`/cancel\`.`,
    };
  }
  if (outcome.kind === 'cancelled') {
    return {
      ...base,
      reason: 'cancelled',
      message: `The update of ${untrustedInline(stackName)} was cancelled and rolled back; the stack is ${outcome.stackStatus}.`,
    };
  }
  const resource = outcome.failingResource;
  const cause = resource
    ? `${untrustedInline(resource.logicalId)} (${untrustedInline(resource.resourceType)}) ${resource.status}: ${untrustedInline(resource.reason)}`
    : untrustedInline(outcome.statusReason ?? 'CloudFormation gave no reason');
  return {
    ...base,
    reason: 'failed',
    message: `Deploy of ${untrustedInline(stackName)} failed and ended in ${outcome.stackStatus}. ${cause}`,
    ...(resource === undefined ? {} : { failingResource: resource }),
  };
}
