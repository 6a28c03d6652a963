import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import { anyOf, mostSpecificAskedBy } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import { combine, describeSentences } from '../../coverage/describe-coverage.js';
import { dashboardNotGenerated } from '../../coverage/dashboard-capability.js';
import { releaseCoverage } from '../../coverage/release-coverage.js';
import { REST_OF_TRAFFIC_WORDS, SHIFT_STEP_WORDS, shiftComparison } from '../../coverage/shift-capability.js';
import { describeShift } from '../../cfn/shift-of-config.js';
import type { DeploymentAsks } from './deployment-asks.js';
import { DEPLOYMENT_FILES, DEPLOYMENT_TITLES, latencyTitle, releaseTitle } from './deployment-test-titles.js';
import type { ReleaseProbe } from './release-probes.js';

/** Words for telling a person (`paged`, `notified`, `alerted`). */
const NOTIFY_WORDS = [
  'page',
  'paged',
  'pager',
  'notify',
  'notified',
  'notification',
  'alert',
  'alerted',
  'told',
  'informed',
  'email',
  'emailed',
];
const ROLLBACK_WORDS = ['rollback', 'rollbacks', 'roll back', 'rolled back', 'rolls back'];
/** Words for a rollback a person starts rather than one an alarm starts. */
const BY_HAND_WORDS = ['command', 'manually', 'manual', 'button', 'click', 'script', 'cli'];
/** Words for a person's approval of a release. */
const APPROVAL_WORDS = ['approve', 'approves', 'approved', 'approval', 'approvals', 'sign-off', 'signoff'];

/** Words asking for a function kept warm (`provisioned concurrency`, `no cold starts`). */
const WARM_WORDS = ['provisioned', 'warm', 'warmed', 'prewarm', 'prewarmed', 'cold'];
/** Words asking for the traffic shift itself, beside which a warm version is a second ask. */
const SHIFT_WORDS = [
  'shift',
  'shifts',
  'shifting',
  'traffic',
  'codedeploy',
  'canary',
  'linear',
  'deploy',
  'deploys',
  'release',
  'releases',
];
/** Provisioned concurrency (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html) is not generated. */
const PROVISIONED_NOT_GENERATED =
  "no provisioned concurrency is generated: the function and its live alias scale on demand with cold starts, and a version the alias has moved away from gets no traffic; a ProvisionedConcurrencyConfig (ProvisionedConcurrentExecutions) on the function's AutoPublishAlias keeps the live version warm, at a cost for every hour it is set";

/** What each story, description sentence and the strategy became in the release, with the tests that prove it. */
export function deploymentCoverage(params: {
  input: BlueprintInput;
  asks: DeploymentAsks;
  probes: readonly ReleaseProbe[];
  shifting: TrafficShifting;
}): RequirementCoverage[] {
  const { input, asks, shifting } = params;
  const test = (file: keyof typeof DEPLOYMENT_FILES, title: string): TestEvidence => ({
    path: `${input.baseDir}/${DEPLOYMENT_FILES[file]}`,
    title,
  });
  const configName = shifting.configName ?? '';
  const shift = shifting.shift;
  const capabilities: Capability[] = [
    {
      when: anyOf(
        'shift',
        'shifting',
        'shifts',
        'traffic',
        'codedeploy',
        'canary',
        'linear',
        'gradual',
        'gradually',
        'blue green',
        'release',
        'releases',
        'version',
        'versions',
        'deploy',
        'deploys',
      ).concat(REST_OF_TRAFFIC_WORDS, SHIFT_STEP_WORDS),
      implementedBy: `each deploy publishes a version and CodeDeploy moves the live alias to it with ${configName}${` (${describeShift(shift)})`}`,
      tests: [test('template', releaseTitle(configName))],
      resources: ['ServiceFunctionAlias', 'ServiceFunctionDeploymentGroup'],
      compare: shiftComparison(shifting.configName, shift),
      // `Keep the previous version warm`: a version named only to be kept warm asks no shift.
      opposedBy: (words) =>
        words.some((word) => WARM_WORDS.includes(word)) && !words.some((word) => SHIFT_WORDS.includes(word))
          ? PROVISIONED_NOT_GENERATED
          : undefined,
    },
    {
      when: anyOf(
        'rollback',
        'roll back',
        'rolling back',
        'rolled back',
        'revert',
        'alarm',
        'alarms',
        'error',
        'errors',
        'error rate',
        'fail',
        'fails',
        'failure',
        'bad',
      ),
      implementedBy:
        'a release stops and rolls back automatically when the error alarm fires or the hook fails',
      tests: [test('template', DEPLOYMENT_TITLES.rollsBack), test('hook', DEPLOYMENT_TITLES.hookFails)],
      resources: ['ServiceFunctionErrorAlarm', 'ServiceFunctionDeploymentGroup'],
    },
    {
      when: anyOf(
        'hook',
        'hooks',
        'probe',
        'probes',
        'verify',
        'verified',
        'verifies',
        'smoke',
        'check',
        'checks',
        'pre traffic',
        'before traffic',
        'test',
        'tested',
      ),
      implementedBy:
        'a pre-traffic hook invokes the new version with every release probe before any traffic moves',
      tests: [
        test('template', DEPLOYMENT_TITLES.hookRuns),
        test('hook', DEPLOYMENT_TITLES.hookPasses),
        test('hook', DEPLOYMENT_TITLES.hookFails),
      ],
      resources: ['PreTrafficHookFunction'],
      gaps: [
        'each probe only checks the configuration the function runs with; extend src/probes.ts to exercise what the story needs',
      ],
    },
  ];
  capabilities.push(
    dashboardNotGenerated(
      "the function's own AWS/Lambda metrics (Errors, Duration) and the release alarms exist",
    ),
    {
      // A person's approval is not the pre-traffic hook: the three words outrank `before traffic`.
      when: APPROVAL_WORDS.flatMap((word) => [
        [word],
        [word, 'release'],
        [word, 'deploy'],
        [word, 'deployment'],
        [word, 'before', 'traffic'],
      ]),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        "nothing waits for a person: CodeDeploy shifts traffic as soon as the pre-traffic hook passes; to gate it, deploy from a GitHub Actions job whose environment has required reviewers, or have a person comment `/deploy` (the agent's deploy mode)",
    },
    {
      // `Keep the previous version warm with provisioned concurrency of 5`: no version is kept warm.
      when: anyOf(
        'provisioned concurrency',
        'provisioned',
        'warm',
        'warmed',
        'prewarm',
        'prewarmed',
        'cold start',
        'cold starts',
        'reserved concurrency',
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: PROVISIONED_NOT_GENERATED,
    },
    {
      // A rollback a person starts (`with one command`) is not the automatic one.
      when: [
        ...ROLLBACK_WORDS.flatMap((rollback) =>
          BY_HAND_WORDS.map((byHand) => [...rollback.split(' '), byHand]),
        ),
      ],
      implementedBy:
        "the agent's `/rollback <env>` command (a comment, in its deploy mode) redeploys what the last good deployment before the current one deployed",
      tests: [],
      resources: [],
      gaps: [
        "nothing in the generated stack rolls back on a command: without the agent's deploy mode, a release in progress is stopped with `aws deploy stop-deployment --auto-rollback-enabled`, and a finished one is undone only by deploying the previous version again",
      ],
    },
  );
  // Told of a rollback (`I am paged when a rollback happens`): only the alarms can tell anyone, and
  // only once a topic is given; more specific than the rollback itself, so it is this row's answer.
  capabilities.unshift({
    when: [
      ...NOTIFY_WORDS.map((word) => [word]),
      ...NOTIFY_WORDS.flatMap((word) => ROLLBACK_WORDS.map((rollback) => [word, ...rollback.split(' ')])),
    ],
    implementedBy:
      'the alarms that stop a release publish to the SNS topic given as AlarmTopicArn (empty by default)',
    tests: [test('template', DEPLOYMENT_TITLES.rollsBack)],
    resources: ['ServiceFunctionErrorAlarm'],
    gaps: [
      'nobody is paged as generated: AlarmTopicArn is empty unless set at deploy time and nothing subscribes to it; a rollback because the pre-traffic hook failed raises no alarm, and no CodeDeploy trigger on DeploymentRollback is generated',
    ],
  });
  if (asks.latency !== undefined) {
    capabilities.unshift({
      when: anyOf('latency', 'slow', 'slower', 'duration', 'p99', 'p95', 'responsiveness'),
      implementedBy: `a release also rolls back when the live alias's p99 duration stays above ${asks.latency.thresholdMs} ms for 3 minutes`,
      tests: [test('template', latencyTitle(asks.latency.thresholdMs))],
      resources: ['ServiceFunctionLatencyAlarm'],
      gaps: asks.latency.given
        ? []
        : [`no latency threshold was given, so ${asks.latency.thresholdMs} ms was used`],
    });
  }
  const stories = params.probes
    .filter((probe) => input.stories.includes(probe.intent))
    .map(({ intent, name }) => {
      const words = intent.text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
      const asked = mostSpecificAskedBy(words, capabilities);
      const probe: Capability = {
        when: [],
        implementedBy: `release probe ${name}, run by the pre-traffic hook against each new version`,
        tests: [test('service', intent.testTitle)],
        resources: ['PreTrafficHookFunction'],
        gaps: [
          `the probe only checks the configuration the function runs with; what "${intent.text}" needs is not exercised (src/probes.ts)`,
        ],
      };
      return combine({
        source: { kind: 'story', number: intent.number },
        text: intent.text,
        parts: [{ text: intent.text, capabilities: asked.length > 0 ? asked : [probe] }],
      });
    });
  return [
    ...stories,
    ...describeSentences(input.descriptionSentences, capabilities),
    ...releaseCoverage({
      input,
      functionId: 'ServiceFunction',
      shifting,
      tests: [test('template', releaseTitle(configName)), test('template', DEPLOYMENT_TITLES.rollsBack)],
    }),
  ];
}
