import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig, SecretLintRuleCreator } from '@secretlint/types';
import { urlCredentialRule } from './url-credential-rule.js';
import { vendorTokenRule } from './vendor-token-rule.js';

const AWS_RULE = '@secretlint/secretlint-rule-aws';
const FILTER_COMMENTS_RULE = '@secretlint/secretlint-rule-filter-comments';

/** Findings one rule reports per scanned text; past it the scan says only that there were more. */
export const MAX_REPORTS_PER_RULE = 20;
/** The message id of that one extra report. */
export const TOO_MANY_REPORTS = 'TOO_MANY_REPORTS';

/**
 * The rules of secretlint's recommended preset (11.x: the line that still runs on Node 20), tuned
 * for text that a model or a requester wrote, not a repository's own files:
 * - AWS access key IDs are reported as well as secret access keys (`enableIDScanRule`), so a key
 *   pair is caught even when the secret half is not written as `aws_secret_access_key = …`.
 *   AWS account IDs are not: AWS does not treat them as secret, and templates name them.
 * - `secretlint-disable` comments are not honoured. They let a repository mark its own false
 *   positives; here the author of the text is who is being checked, so it cannot opt out. The
 *   rules are listed one by one because 11.x ignores `disabled` on a rule inside a preset.
 * - One rule of our own (`urlCredentialRule`): a credential in a URL's query or fragment
 *   (`?password=`, `?api_key=`, a presigned URL's signature) or any `user:password@`, which the
 *   preset misses, so every text the scanner guards (a stack output URL, a comment, a mirror) is
 *   rid of it.
 * - One more (`vendorTokenRule`): credentials whose vendor documents their prefix, of kinds the
 *   preset has no rule for (Stripe secret and restricted keys, GitLab tokens, PyPI API tokens).
 * - Each rule reports at most MAX_REPORTS_PER_RULE findings per text: secretlint 11.x removes
 *   duplicate findings by comparing every pair, so 3,000 findings in a 36 KB text (`xoxb-1-2 `
 *   repeated) take 3.4 s; capped, a scan stays linear in the text.
 * Rules: https://github.com/secretlint/secretlint/tree/master/packages/%40secretlint/secretlint-rule-preset-recommend
 */
export const SECRETLINT_CONFIG: SecretLintCoreConfig = {
  rules: [
    ...recommendedRules
      .filter((rule) => rule.meta.id !== FILTER_COMMENTS_RULE)
      .map((rule) =>
        rule.meta.id === AWS_RULE
          ? { id: rule.meta.id, rule: capped(rule, ['AWSAccountID']), options: { enableIDScanRule: true } }
          : { id: rule.meta.id, rule: capped(rule) },
      ),
    { id: urlCredentialRule.meta.id, rule: capped(urlCredentialRule) },
    { id: vendorTokenRule.meta.id, rule: capped(vendorTokenRule) },
  ],
};

/**
 * The rule, reporting its first MAX_REPORTS_PER_RULE findings and then one TOO_MANY_REPORTS;
 * findings with an `ignored` message id are dropped before they count.
 */
function capped<Options>(
  rule: SecretLintRuleCreator<Options>,
  ignored: readonly string[] = [],
): SecretLintRuleCreator<Options> {
  return {
    ...rule,
    create(context, options) {
      let reports = 0;
      return rule.create(
        {
          ...context,
          report(descriptor) {
            if (ignored.includes(descriptor.message.messageId)) return;
            reports += 1;
            if (reports <= MAX_REPORTS_PER_RULE) context.report(descriptor);
            else if (reports === MAX_REPORTS_PER_RULE + 1) {
              const message = {
                message: 'more findings than reported',
                messageId: TOO_MANY_REPORTS,
                data: {},
              };
              context.report({ message, range: descriptor.range });
            }
          },
        },
        options,
      );
    },
  };
}
