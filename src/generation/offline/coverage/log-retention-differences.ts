import { CLOUDWATCH_RETENTION_DAYS } from '../cfn/cloudwatch-retention-days.js';
import { askedLogRetention, nearestRetentions } from '../cfn/log-retention-asked.js';
import { logRetentionChoices } from '../cfn/standard-parameters.js';

const NUMBER = /(?<![\w./-])\d+(?:\.\d+)?(?![\w/-]|\.\d)/g;

/**
 * A clause's log retention against the template's `LogRetentionDays` (default `days`): nothing when
 * it asks none or asks the default; the parameter value to deploy with when it asks another the
 * parameter allows; and for a retention CloudWatch refuses (not one of CLOUDWATCH_RETENTION_DAYS,
 * AWS::Logs::LogGroup RetentionInDays) the nearest it accepts. Other numbers of the clause are
 * values nothing generated, as the coverage's shared number check says them.
 */
export function logRetentionDifferences(clauseText: string, days: number): string[] {
  const asked = askedLogRetention(clauseText);
  const written = asked === undefined ? undefined : Number(/\d+/.exec(asked.written)?.[0]);
  const others = [...new Set((clauseText.match(NUMBER) ?? []).map(Number))].filter(
    (value) => value !== written,
  );
  return [
    ...(asked === undefined ? [] : retentionGap(asked, days)),
    ...others.map((value) => `${value} is not a value of what was generated; set it by hand or ask again`),
  ];
}

function retentionGap(asked: { days: number; written: string }, days: number): string[] {
  if (asked.days === days) return [];
  const choices = logRetentionChoices(days);
  const named =
    asked.written === `${asked.days} days` ? asked.written : `${asked.written} (${asked.days} days)`;
  if (CLOUDWATCH_RETENTION_DAYS.includes(asked.days)) {
    return choices.includes(asked.days)
      ? [
          `${named} asked, but LogRetentionDays defaults to ${days}: deploy with LogRetentionDays=${asked.days}`,
        ]
      : [
          `${named} asked, but LogRetentionDays defaults to ${days} and allows ${choices.join(', ')}: add ${asked.days} to its AllowedValues and deploy with LogRetentionDays=${asked.days}`,
        ];
  }
  const nearest = nearestRetentions(asked.days);
  const deployable = nearest.filter((value) => choices.includes(value));
  return [
    `${named} cannot be kept: CloudWatch Logs keeps a log group's events for ${CLOUDWATCH_RETENTION_DAYS.join(', ')} days only (AWS::Logs::LogGroup RetentionInDays), so LogRetentionDays keeps its default ${days}; the nearest it accepts are ${nearest.join(' and ')} days; deploy with ${nearest.map((value) => `LogRetentionDays=${value}`).join(' or ')}${deployable.length === nearest.length ? '' : ` (add ${nearest.filter((value) => !deployable.includes(value)).join(' or ')} to its AllowedValues first)`}`,
  ];
}
