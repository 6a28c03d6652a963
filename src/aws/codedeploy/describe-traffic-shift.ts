import type { LambdaTrafficTarget, TrafficShiftResult } from './wait-for-traffic-shift.js';

/**
 * Markdown lines for the PR comment and the deployment status: what shifted, or what CodeDeploy
 * rolled back, why, and which alarms fired. Pure, so the app and the Action render it alike.
 */
export function describeTrafficShift(result: TrafficShiftResult): string[] {
  const deployment = `CodeDeploy deployment ${code(result.deploymentId)}${how(result)}`;
  const traffic = trafficLine(result.target);
  switch (result.kind) {
    case 'succeeded':
      return [`**Traffic shifted** by ${deployment}.`, ...traffic];
    case 'rolled-back':
      return [
        `**Rolled back by CodeDeploy**: ${deployment} was stopped and its traffic sent back.`,
        `- Why: ${oneLine(result.reason)}`,
        ...(result.alarms === undefined ? [] : [`- Alarms: ${result.alarms.map(code).join(', ')}`]),
        ...(result.rollbackDeploymentId === undefined
          ? []
          : [`- Rollback deployment: ${code(result.rollbackDeploymentId)}`]),
        ...(result.rollbackMessage === undefined ? [] : [`- CodeDeploy: ${oneLine(result.rollbackMessage)}`]),
        ...traffic,
      ];
    case 'failed':
    case 'stopped':
      return [
        `**Traffic shift ${result.kind}**: ${deployment} ended ${result.lastStatus ?? result.kind}.`,
        `- Why: ${oneLine(result.reason)}`,
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
  const fn = code(
    target.alias === undefined ? target.functionName : `${target.functionName}:${target.alias}`,
  );
  const on = target.targetVersion === undefined ? 'the new version' : `version ${target.targetVersion}`;
  const rest = target.currentVersion === undefined ? '' : `, the rest on version ${target.currentVersion}`;
  return [`- Traffic: ${target.weightPercent}% of ${fn} on ${on}${rest}`];
}

/** Inline code that a backtick in an AWS name cannot break out of. */
function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}

/** AWS messages can span lines; a list item must not. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
