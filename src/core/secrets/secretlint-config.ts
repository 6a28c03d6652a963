import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';

const AWS_RULE = '@secretlint/secretlint-rule-aws';
const FILTER_COMMENTS_RULE = '@secretlint/secretlint-rule-filter-comments';

/**
 * The rules of secretlint's recommended preset (11.x: the line that still runs on Node 20), tuned
 * for text that a model or a requester wrote, not a repository's own files:
 * - AWS access key IDs are reported as well as secret access keys (`enableIDScanRule`), so a key
 *   pair is caught even when the secret half is not written as `aws_secret_access_key = …`.
 *   AWS account IDs are not: AWS does not treat them as secret, and templates name them.
 * - `secretlint-disable` comments are not honoured. They let a repository mark its own false
 *   positives; here the author of the text is who is being checked, so it cannot opt out. The
 *   rules are listed one by one because 11.x ignores `disabled` on a rule inside a preset.
 * Rules: https://github.com/secretlint/secretlint/tree/master/packages/%40secretlint/secretlint-rule-preset-recommend
 */
export const SECRETLINT_CONFIG: SecretLintCoreConfig = {
  rules: recommendedRules
    .filter((rule) => rule.meta.id !== FILTER_COMMENTS_RULE)
    .map((rule) =>
      rule.meta.id === AWS_RULE
        ? { id: rule.meta.id, rule, options: { enableIDScanRule: true }, allowMessageIds: ['AWSAccountID'] }
        : { id: rule.meta.id, rule },
    ),
};
