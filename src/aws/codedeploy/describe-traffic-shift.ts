import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { LambdaTrafficTarget, TrafficShiftResult } from './wait-for-traffic-shift.js';

/**
 * Markdown lines for the PR comment and the deployment status: what shifted, or what CodeDeploy
 * rolled back, why, and which alarms fired: AWS names as code spans, AWS messages shown literally.
 * Pure, so the app and the Action render it alike.
 */
export function describeTrafficShift(result: TrafficShiftResult): string[] {
  const deployment = `CodeDeploy deployment ${codeSpan(result.deploymentId)}${how(result)}`;
  const traffic = trafficLine(result.target);
  switch (result.kind) {
    case 'succeeded':
      return [`**Traffic shifted** by ${deployment}.`, ...traffic];
    case 'rolled-back':
      return [
        `**Rolled back by CodeDeploy**: ${deployment} was stopped and its traffic sent back.`,
        `- Why: ${untrustedInline(result.reason)}`,
        ...(result.alarms === undefined
          ? []
          : [`- Alarms: ${result.alarms.map((name) => codeSpan(name)).join(', ')}`]),
        ...(result.rollbackDeploymentId === undefined
          ? []
          : [`- Rollback deployment: ${codeSpan(result.rollbackDeploymentId)}`]),
        ...(result.rollbackMessage === undefined
          ? []
          : [`- CodeDeploy: ${untrustedInline(result.rollbackMessage)}`]),
        ...traffic,
      ];
    case 'failed':
    case 'stopped':
      return [
        `**Traffic shift ${result.kind}**: ${deployment} ended ${result.lastStatus ?? result.kind}.`,
        `- Why: ${untrustedInline(result.reason)}`,
        ...traffic,
      ];
    case 'timed-out':
      return [
        `**Traffic shift timed out**: ${deployment} was still ${result.lastStatus ?? 'running'} at the deadline; CodeDeploy carries on without us, so check it before deploying again.`,
        ...traffic,
      ];
  }
}

function how(result: TrafficShiftResult): string {
  return result.strategyLabel === undefined ? '' : ` (${result.strategyLabel})`;
}

function trafficLine(target: LambdaTrafficTarget | undefined): string[] {
  if (target?.weightPercent === undefined) return [];
  const fn = codeSpan(
    target.alias === undefined ? target.functionName : `${target.functionName}:${target.alias}`,
  );
  const on = target.targetVersion === undefined ? 'the new version' : `version ${target.targetVersion}`;
  const rest = target.currentVersion === undefined ? '' : `, the rest on version ${target.currentVersion}`;
  return [`- Traffic: ${target.weightPercent}% of ${fn} on ${on}${rest}`];
}
