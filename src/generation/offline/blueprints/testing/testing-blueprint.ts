import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { projectFiles } from '../../project/project-files.js';
import { readmeSection } from '../../project/readme-section.js';
import { releasePlanStep, releaseRiskNotes } from '../../project/release-notes.js';
import { trafficShiftingPart } from '../../cfn/traffic-shifting-part.js';
import { logRetentionDays } from '../../cfn/standard-parameters.js';
import { PRE_TRAFFIC_HOOK_ID, preTrafficHookRiskNote } from '../../cfn/pre-traffic-hook-part.js';
import { generatedPackages } from '../../../../core/bundle/generated-packages.js';
import { canaryPreTrafficSource } from './canary-pre-traffic-source.js';
import { canaryPreTrafficTests } from './canary-pre-traffic-tests.js';
import { canaryScheduleAsked, canaryScheduleExpression } from './canary-schedule.js';
import { storyChecks } from './story-checks.js';
import { testingCoverage } from './testing-coverage.js';
import { failuresInARow, periodOfOneRun } from './failures-in-a-row.js';
import { testingSource } from './testing-source.js';
import { testingTemplate } from './testing-template.js';
import { testingTests } from './testing-tests.js';
import { optionalAsked } from '../../coverage/asked-shift.js';
import { checksAlarmWindow } from './checks-alarm-window.js';
import { latencyBudgetAsked, latencyBudgetMs } from './latency-budget.js';

/** A synthetic canary: a scheduled Lambda that requests one endpoint per story and alarms on failures. */
export function testingBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const checks = storyChecks(input.stories, names, input.descriptionSentences);
  const shifting = trafficShiftingPart({
    functionId: 'CanaryFunction',
    slug: names.slug,
    ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
    ...optionalAsked(input),
    preTrafficHookId: PRE_TRAFFIC_HOOK_ID,
  });
  // Releases that shift traffic run the new version's checks once before the schedule's alias moves.
  const hooked = shifting.configName !== undefined;
  const schedule = canaryScheduleExpression(canaryScheduleAsked(input));
  const asked = failuresInARow(input);
  const period = asked === undefined ? undefined : periodOfOneRun(schedule, asked.count);
  // One period per run makes `count` periods `count` runs; a cron schedule leaves the row partial.
  const inARow =
    asked === undefined || period === undefined ? undefined : { count: asked.count, periodSeconds: period };
  const window = checksAlarmWindow(schedule);
  const latencyAsked = latencyBudgetAsked(input);
  const maxLatencyMs = latencyBudgetMs(latencyAsked);
  const coverage = testingCoverage({
    input,
    maxLatencyMs,
    ...(latencyAsked === undefined ? {} : { latencyAsked }),
    checks,
    shifting,
    schedule,
    window,
    ...(asked === undefined
      ? {}
      : { inARow: { asked, schedule, ...(inARow === undefined ? {} : { generated: inARow }) } }),
  });
  const namespace = `Synthetics/${names.pascal}`;
  const canary = names.slug;
  const paths = checks
    .map((check) => `\`${check.method} ${check.path}\` (${check.expectedStatus})`)
    .join(', ');
  const writes = checks.some((check) => check.method !== 'GET' && check.method !== 'HEAD');
  const templatePath = `${baseDir}/template.yaml`;
  const readme = readmeSection({
    input,
    overview: `A synthetic canary: on \`${schedule}\` (parameter \`ScheduleExpression\`) a Lambda requests ${paths} under \`TargetBaseUrl\`, expecting each status within ${maxLatencyMs} ms, and writes \`ChecksRun\`/\`ChecksFailed\` metrics (namespace \`${namespace}\`). An alarm fires when a check fails${window.silenceAlarms ? ' or the canary stops reporting' : ''}.${hooked ? " Each release first runs the new version's checks once from a pre-traffic hook (`PreTrafficHookFunction`): a failed check, like a function error, stops the release and keeps the current version." : ''} Adjust \`src/checks.ts\` to the target's real routes.`,
    coverage,
    hasFunctionCode: true,
    extraParameters: ['TargetBaseUrl="$TARGET_BASE_URL"'],
  });
  return {
    summary: `${names.title}: scheduled synthetic checks of ${paths} with a failure alarm, tested per user story.`,
    plan: [
      `Add a canary Lambda that checks ${paths} (status and latency) with an injected fetch.`,
      'Publish check results as embedded-format metrics and alarm on failures or silence.',
      `Run it on an EventBridge schedule, ${schedule}.`,
      releasePlanStep(input),
      ...(hooked
        ? ["Add a pre-traffic hook that runs the new version's checks once and reports to CodeDeploy."]
        : []),
      'Cover failure modes and each story check with jest tests using a fake fetch.',
    ],
    files: [
      {
        path: templatePath,
        role: 'template',
        content: testingTemplate({
          input,
          namespace,
          canary,
          shifting,
          schedule,
          ...(inARow === undefined ? {} : { inARow }),
          window,
        }),
      },
      ...testingSource({ baseDir, checks, namespace, canary, maxLatencyMs }),
      ...testingTests({
        baseDir,
        checks,
        schedule,
        logDays: logRetentionDays(input.environment),
        ...(inARow === undefined ? {} : { inARow }),
      }),
      ...(hooked ? [...canaryPreTrafficSource(baseDir), canaryPreTrafficTests(baseDir)] : []),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: ['src/handler.ts', ...(hooked ? ['src/pre-traffic-hook.ts'] : [])],
        ...(hooked
          ? { dependencies: generatedPackages('@aws-sdk/client-codedeploy', '@aws-sdk/client-lambda') }
          : {}),
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Creates an IAM role for the canary that may only write its own logs.',
      'Sends unauthenticated requests to TargetBaseUrl on a schedule; point it at endpoints that tolerate that load.',
      ...(writes
        ? [
            'Some checks write (POST, PUT, PATCH or DELETE): every run changes data on the target, so point it at a test environment.',
          ]
        : []),
      ...releaseRiskNotes(input),
      ...(hooked ? [preTrafficHookRiskNote('canary')] : []),
    ],
    coverage,
  };
}
