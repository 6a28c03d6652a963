import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import type { TrafficShifting } from '../../cfn/traffic-shifting-part.js';
import { anyOf, mostSpecificAskedBy } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import { combine, describeSentences } from '../../coverage/describe-coverage.js';
import { releaseCoverage } from '../../coverage/release-coverage.js';
import { scheduleCapabilities } from './canary-schedule.js';
import type { StoryCheck } from './story-checks.js';
import { TESTING_FILE, TESTING_TITLES } from './testing-test-titles.js';

/** What each story, description sentence and the strategy became in the canary, with the tests that prove it. */
export function testingCoverage(params: {
  input: BlueprintInput;
  checks: readonly StoryCheck[];
  shifting: TrafficShifting;
}): RequirementCoverage[] {
  const { input } = params;
  const test = (title: string): TestEvidence => ({ path: `${input.baseDir}/${TESTING_FILE}`, title });
  const capabilities: Capability[] = [
    ...scheduleCapabilities(input, [test(TESTING_TITLES.schedule)]),
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
      implementedBy: 'a scheduled canary requests each path and expects its status within 3 s',
      tests: [test(TESTING_TITLES.status), test(TESTING_TITLES.slow)],
      resources: ['CanaryFunction', 'CanarySchedule'],
    },
    {
      when: anyOf('latency', 'slow', 'fast', 'speed', 'response time', 'timeout', 'timeouts'),
      implementedBy: 'a check fails when the answer takes more than 3000 ms',
      tests: [test(TESTING_TITLES.slow)],
      resources: ['CanaryFunction'],
    },
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
      implementedBy: 'ChecksFailed raises an alarm when a check fails or the canary stops reporting',
      tests: [test(TESTING_TITLES.metrics)],
      resources: ['ChecksFailedAlarm'],
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
    implementedBy: `the canary sends ${check.method} ${check.path} and expects ${check.expectedStatus} within 3 s`,
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
          capabilities: params.checks
            .filter((check) => check.sentence === sentence.number)
            .map(checkCapability),
        },
      ],
    }),
  );
  return [
    ...stories,
    ...routes,
    ...describeSentences(
      input.descriptionSentences.filter((sentence) => !spelled.includes(sentence)),
      capabilities,
    ),
    ...releaseCoverage({ input, functionId: 'CanaryFunction', shifting: params.shifting }),
  ];
}
