import type { TestEvidence } from '../../../core/bundle/requirement-coverage.js';
import type { Capability } from './capability.js';
import { KEEP_WORDS, LOG_WORDS } from '../cfn/log-retention-asked.js';
import { logRetentionDifferences } from './log-retention-differences.js';

/**
 * `Keep the logs for 14 days.`, where every log group of the template keeps its logs for the
 * `LogRetentionDays` parameter (default `days`): the row cites the generated template test that
 * checks it. The days asked are compared with the default (`logRetentionDifferences`): another
 * number is partial, naming the value to deploy with or, when CloudWatch refuses it, the nearest it accepts.
 */
export function logRetentionCapability(params: {
  /** The parameter's default, in days (`logRetentionDefault`). */
  days: number;
  /** The generated template test (`logRetentionTest`). */
  evidence: TestEvidence;
  /** The logical ids of the template's log groups. */
  logGroups: readonly string[];
}): Capability {
  return {
    when: LOG_WORDS.flatMap((log) => KEEP_WORDS.map((keep) => [log, keep])),
    implementedBy: `every log group (${params.logGroups.join(', ')}) keeps its logs for LogRetentionDays days (default ${params.days})`,
    tests: [params.evidence],
    resources: [...params.logGroups],
    compare: (clauseText) => logRetentionDifferences(clauseText, params.days),
  };
}
