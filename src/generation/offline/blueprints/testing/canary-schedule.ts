import type { BlueprintInput } from '../../blueprint-input.js';
import { scheduleAsked } from '../../cfn/schedule-expression.js';
import type { ScheduleAsk } from '../../cfn/schedule-expression.js';
import type { TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { Capability } from '../../coverage/capability.js';

/** Words that name how often something runs, beyond what scheduleAsked reads. */
const SCHEDULE_LIKE =
  /\b(?:(?:once|twice|thrice|[a-z0-9]+ times) (?:a|an|per|each|every) [a-z]+|(?:every|each) (?:other )?(?:[a-z0-9]+ )?(?:fortnight|quarter|year|weekend|morning|evening|afternoon|second|minute|hour|day|week|month)s?|fortnightly|biweekly|bimonthly|quarterly|yearly|annually)\b/;

/** How often the canary runs when the request names no schedule. */
export const DEFAULT_SCHEDULE = 'rate(5 minutes)';

/** The first schedule the request names (description sentences, then stories); undefined when none. */
export function canaryScheduleAsked(input: BlueprintInput): ScheduleAsk | undefined {
  const texts = [
    ...input.descriptionSentences.map((sentence) => sentence.text),
    ...input.stories.map((intent) => intent.text),
  ];
  for (const text of texts) {
    const asked = scheduleAsked(text);
    if (asked !== undefined) return asked;
  }
  return undefined;
}

/** The expression the canary's ScheduleExpression parameter defaults to: the one asked, when it can be written. */
export function canaryScheduleExpression(asked: ScheduleAsk | undefined): string {
  return asked === undefined || 'unmet' in asked ? DEFAULT_SCHEDULE : asked.expression;
}

/** What a clause asking for every schedule the request names became: the rule's expression, or why there is none. */
export function scheduleCapabilities(input: BlueprintInput, tests: readonly TestEvidence[]): Capability[] {
  const texts = [
    ...input.descriptionSentences.map((sentence) => sentence.text),
    ...input.stories.map((intent) => intent.text),
  ];
  const used = canaryScheduleExpression(canaryScheduleAsked(input));
  return texts.flatMap((text): Capability[] => {
    const asked = scheduleAsked(text);
    if (asked === undefined) {
      // A frequency not read (`every fortnight`, `three times a month`) is said, not run silently on the default.
      const unread = SCHEDULE_LIKE.exec(text.toLowerCase().replace(/\s+/g, ' '))?.[0];
      return unread === undefined
        ? []
        : [
            {
              when: [unread.match(/[a-z0-9]+/g) ?? []],
              implementedBy: '',
              tests: [],
              resources: [],
              notGenerated: `"${unread}" is not a schedule read here, so the canary runs on ${used}; name one (\`every 10 minutes\`, \`twice a day\`, \`daily at 02:00 UTC\`)`,
            },
          ];
    }
    if ('unmet' in asked)
      return [
        {
          when: [asked.words],
          implementedBy: '',
          tests: [],
          resources: [],
          notGenerated: `${asked.unmet}; the canary runs on ${used}`,
        },
      ];
    const also =
      asked.expression === used
        ? []
        : [
            `the canary has one schedule, ${used} (the first the request names); this one, ${asked.expression}, is not used`,
          ];
    return [
      {
        when: [asked.words],
        implementedBy: `CanarySchedule runs the checks ${asked.said}: ${asked.expression} (the default of parameter ScheduleExpression)`,
        tests,
        resources: ['CanarySchedule'],
        gaps: [...(asked.assumed === undefined ? [] : [asked.assumed]), ...also],
      },
    ];
  });
}
