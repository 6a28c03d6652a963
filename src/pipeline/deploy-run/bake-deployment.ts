import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import type { Now, Sleep } from '../../aws/cloudformation/poll-until.js';
import { watchAlarms, type CloudWatchApi } from '../../aws/cloudwatch/watch-alarms.js';
import type { EnvironmentConfig } from '../../core/config/agent-config.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';

/**
 * The bake window: a deploy that succeeded is only done once the environment's alarms stayed quiet
 * for `bake_minutes`; an alarm turns it into a failure and is rolled back.
 */
export async function bakeDeployment(params: {
  result: DeployResult;
  environment: EnvironmentConfig | undefined;
  cloudwatch: CloudWatchApi | undefined;
  sleep: Sleep;
  now: Now;
  log: (line: string) => void;
}): Promise<{ result: DeployResult; lines: string[]; alarmed: boolean }> {
  const { result, environment, cloudwatch } = params;
  const minutes = environment?.bake_minutes ?? 0;
  if (result.reason !== 'deployed' || !cloudwatch || minutes === 0 || !environment?.alarm_arns.length) {
    return { result, lines: [], alarmed: false };
  }
  const outcome = await watchAlarms({
    cloudwatch,
    alarmArns: environment.alarm_arns,
    durationMs: minutes * 60_000,
    sleep: params.sleep,
    now: params.now,
    log: params.log,
  });
  if (outcome.kind === 'quiet') {
    const unseen =
      outcome.unseenEnd === undefined
        ? ''
        : ` The last look at the alarms failed (${outcome.unseenEnd}), so the end of the window went unseen.`;
    return { result, lines: [`- Baked for ${minutes} minute(s): no alarm fired.${unseen}`], alarmed: false };
  }
  const alarms = outcome.alarms.map((name) => codeSpan(name)).join(', ');
  const message = `Deployed, but ${untrustedInline(outcome.alarms.join(', '))} went into ALARM ${outcome.afterSeconds} s into the ${minutes}-minute bake window.`;
  return {
    result: { ...result, finalStatus: 'failure', message },
    lines: [`- 🚨 Alarm during the bake window: ${alarms}`],
    alarmed: true,
  };
}
