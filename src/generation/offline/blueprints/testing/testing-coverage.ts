import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import { anyOf, capabilitiesAskedBy, mostSpecificAskedBy } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import { combine, describeSentences } from '../../coverage/describe-coverage.js';
import { dashboardNotGenerated } from '../../coverage/dashboard-capability.js';
import { releaseCoverage } from '../../coverage/release-coverage.js';
import { logRetentionCapability } from '../../coverage/log-retention-capability.js';
import { logRetentionTitle } from '../../cfn/log-retention-test.js';
import { PRE_TRAFFIC_HOOK_ID } from '../../cfn/pre-traffic-hook-part.js';
import { logRetentionDays } from '../../cfn/standard-parameters.js';
import { withoutLinks } from '../../naming/link-spans.js';
import { wordsOf } from '../../naming/words-of.js';
import type { ChecksAlarmWindow } from './checks-alarm-window.js';
import { scheduleCapabilities } from './canary-schedule.js';
import type { StoryCheck } from './story-checks.js';
import { TESTING_FILE, TESTING_HOOK_FILE, TESTING_TITLES, inARowTitle } from './testing-test-titles.js';
import type { FailuresInARow } from './failures-in-a-row.js';
import type { LatencyAsk } from './latency-budget.js';

/** Words naming a deploy or release of the service under test. */
const DEPLOY_WORDS = [
  'deploy',
  'deploys',
  'deployed',
  'deployment',
  'deployments',
  'release',
  'releases',
  'released',
  'rollout',
  'rollouts',
];

/** What each story, description sentence and the strategy became in the canary, with the tests that prove it. */
export function testingCoverage(params: {
  input: BlueprintInput;
  checks: readonly StoryCheck[];
  shifting: TrafficShifting;
  /** The schedule the canary runs on, and how its alarm looks at the runs. */
  schedule: string;
  window: ChecksAlarmWindow;
  /** Each check's answer-time limit in ms, and the bound the request named, if any. */
  maxLatencyMs: number;
  latencyAsked?: LatencyAsk;
  /** Failed runs in a row the request asks an alert to wait for; `generated` when the alarm does. */
  inARow?: {
    readonly asked: FailuresInARow;
    readonly schedule: string;
    readonly generated?: { readonly count: number; readonly periodSeconds: number };
  };
}): RequirementCoverage[] {
  const { input, inARow } = params;
  const test = (title: string): TestEvidence => ({ path: `${input.baseDir}/${TESTING_FILE}`, title });
  const schedules = scheduleCapabilities(input, [test(TESTING_TITLES.schedule)]);
  const capabilities: Capability[] = [
    ...schedules,
    dashboardNotGenerated(
      `the canary emits only the ChecksRun and ChecksFailed counts, no latency metric (each check's time is only compared with its ${params.maxLatencyMs} ms limit)`,
    ),
    {
      when: anyOf(
        'available',
        'availability',
        'uptime',
        'up',
        'down',
        'outage',
        'outages',
        'health',
        'healthy',
        'reachable',
        'responds',
        'responding',
        'monitor',
        'monitoring',
        'smoke',
        'synthetic',
        'canary',
        'canaries',
        'probe',
        'probes',
        'works',
        'working',
      ),
      implementedBy: `a scheduled canary requests each path and expects its status within ${params.maxLatencyMs} ms`,
      tests: [test(TESTING_TITLES.status), test(TESTING_TITLES.slow)],
      resources: ['CanaryFunction', 'CanarySchedule'],
    },
    {
      when: anyOf('latency', 'slow', 'fast', 'speed', 'response time', 'timeout', 'timeouts'),
      implementedBy: `a check fails when the answer takes more than ${params.maxLatencyMs} ms`,
      tests: [test(TESTING_TITLES.slow)],
      resources: ['CanaryFunction'],
    },
    ...latencyCapabilities(params.latencyAsked, params.maxLatencyMs, [test(TESTING_TITLES.slow)]),
    {
      when: anyOf(
        'alert',
        'alerted',
        'alarm',
        'alarms',
        'notified',
        'notify',
        'know',
        'told',
        'page',
        'paged',
      ),
      implementedBy: `ChecksFailedAlarm goes into alarm when ${inARow?.generated === undefined ? 'a check fails' : `checks fail in ${inARow.generated.count} runs in a row`}${params.window.silenceAlarms ? ' or the canary stops reporting' : ''}`,
      tests: [test(TESTING_TITLES.metrics)],
      resources: ['ChecksFailedAlarm'],
      // The alarm's only action is AlarmTopicArn, empty unless a deployer sets it: nobody is told by default.
      gaps: [
        ...(params.window.silenceAlarms
          ? []
          : [
              `a canary that stops running is not detected: runs on ${params.schedule} are further apart than a day, the longest period the alarm can hold one in, so an empty period is normal`,
            ]),
        'nobody is alerted as generated: ChecksFailedAlarm publishes only to AlarmTopicArn, which is empty unless set at deploy time; pass the ARN of a topic that reaches the people or channel to alert',
      ],
    },
    ...(inARow === undefined ? [] : [inARowCapability({ ...inARow, test })]),
    logRetentionCapability({
      days: logRetentionDays(input.environment),
      evidence: test(logRetentionTitle(logRetentionDays(input.environment))),
      // Each function's own group (`lambdaFunctionPart`): the canary's, and the hook's when releases shift traffic.
      logGroups: [
        'CanaryFunctionLogGroup',
        ...(params.shifting.configName === undefined ? [] : [`${PRE_TRAFFIC_HOOK_ID}LogGroup`]),
      ],
    }),
    {
      // `Smoke tests after every deploy`: the canary runs on its schedule only; no deploy starts it.
      when: ['after', 'following', 'post', 'every', 'each'].flatMap((word) =>
        DEPLOY_WORDS.map((deploy) => [word, deploy]),
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: `nothing runs the checks after a deploy: the canary runs on ${params.schedule} whatever was deployed, so a broken deploy is seen at the next run; invoke CanaryFunction from the pipeline's post-deploy step (or a CodeDeploy AfterAllowTraffic hook) to check each deploy`,
    },
    {
      when: anyOf(
        'contract',
        'contracts',
        'schema',
        'schemas',
        'shape',
        'shapes',
        'payload',
        'payloads',
        'request',
        'response',
        'responses',
        'body',
        'bodies',
        'validation',
        'field',
        'fields',
        'regression',
        'regressions',
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'request and response shapes are not checked: the canary checks status codes and latency only',
    },
  ];
  const checkCapability = (check: StoryCheck): Capability => ({
    when: [],
    implementedBy: `the canary sends ${check.method} ${check.path} and expects ${check.expectedStatus} within ${params.maxLatencyMs} ms`,
    tests: [test(check.title)],
    resources: ['CanaryFunction'],
    gaps: check.gaps,
  });
  const stories = input.stories.map((intent) => {
    const words = intent.text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const own = params.checks.filter((check) => check.intent === intent).map(checkCapability);
    return combine({
      source: { kind: 'story', number: intent.number },
      text: intent.text,
      parts: [{ text: intent.text, capabilities: [...own, ...mostSpecificAskedBy(words, capabilities)] }],
    });
  });
  // A sentence that spells routes is answered by their checks as a whole, not clause by clause.
  const spelled = input.descriptionSentences.filter((sentence) =>
    params.checks.some((check) => check.sentence === sentence.number),
  );
  const routes = spelled.map((sentence) =>
    combine({
      source: { kind: 'description', sentence: sentence.number },
      text: sentence.text,
      parts: [
        {
          text: sentence.text,
          // `Every 15 minutes, GET /forecast returns 200.`: the schedule the sentence names is its too.
          capabilities: [
            ...params.checks.filter((check) => check.sentence === sentence.number).map(checkCapability),
            ...capabilitiesAskedBy(wordsOf(withoutLinks(sentence.text)), schedules),
          ],
        },
      ],
    }),
  );
  // Rows follow the request: a reader matches sentence 1 of the table with the request's first.
  const sentences = [
    ...routes,
    ...describeSentences(
      input.descriptionSentences.filter((sentence) => !spelled.includes(sentence)),
      capabilities,
    ),
  ].sort((left, right) => sentenceNumber(left) - sentenceNumber(right));
  return [
    ...stories,
    ...sentences,
    ...releaseCoverage({
      input,
      functionId: 'CanaryFunction',
      shifting: params.shifting,
      // Generated with the hook (`testingBlueprint`): a release that shifts traffic has one.
      ...(params.shifting.configName === undefined
        ? {}
        : {
            preTrafficHook:
              'a pre-traffic hook runs the new version once and fails the release when a check fails or the function errors (CodeDeploy keeps the current version), so a version is tested before traffic moves whatever the schedule',
            tests: [
              TESTING_TITLES.hookRuns,
              TESTING_TITLES.hookPasses,
              TESTING_TITLES.hookFails,
              TESTING_TITLES.hookErrors,
            ].map((title) => ({ path: `${input.baseDir}/${TESTING_HOOK_FILE}`, title })),
          }),
    }),
  ];
}

function sentenceNumber(row: RequirementCoverage): number {
  return row.source.kind === 'description' ? row.source.sentence : 0;
}

/** `when two checks in a row fail`: the alarm's periods in a row, one run each, or why they are not runs. */
function inARowCapability(params: {
  asked: FailuresInARow;
  schedule: string;
  generated?: { readonly count: number; readonly periodSeconds: number };
  test: (title: string) => TestEvidence;
}): Capability {
  const { asked, generated } = params;
  if (generated === undefined)
    return {
      when: [[...asked.words]],
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: `${asked.count} failures in a row are asked, but the schedule ${params.schedule} is not a rate whose ${asked.count} runs fit CloudWatch's day of periods, so the alarm fires on the first failed run; set EvaluationPeriods and DatapointsToAlarm to ${asked.count} with Period the run interval by hand`,
    };
  return {
    when: [[...asked.words]],
    implementedBy: `ChecksFailedAlarm waits for ${generated.count} failed runs in a row: EvaluationPeriods and DatapointsToAlarm ${generated.count} of ${generated.periodSeconds} s periods, one run each (${params.schedule})`,
    tests: [params.test(inARowTitle(generated.count))],
    resources: ['ChecksFailedAlarm'],
  };
}

/** The request's own answer-time bound (`Each check must finish within 5 seconds.`): the checks' limit, or why not. */
function latencyCapabilities(
  asked: LatencyAsk | undefined,
  maxLatencyMs: number,
  tests: readonly TestEvidence[],
): Capability[] {
  if (asked === undefined) return [];
  if ('unmet' in asked)
    return [
      {
        when: [asked.words],
        implementedBy: '',
        tests: [],
        resources: [],
        notGenerated: `${asked.unmet}; each check's limit is ${maxLatencyMs} ms`,
      },
    ];
  return [
    {
      when: [asked.words],
      // Both units, so the number the request gave (`5 seconds`, `800 ms`) is one the row names.
      implementedBy: `every check fails when its answer takes more than ${maxLatencyMs / 1000} s, ${maxLatencyMs} ms (maxLatencyMs in src/checks.ts)`,
      tests,
      resources: ['CanaryFunction'],
    },
  ];
}
