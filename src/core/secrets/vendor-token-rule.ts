import type { SecretLintRuleCreator, SecretLintSourceCode } from '@secretlint/types';

/** The rule's id, beside secretlint's own `@secretlint/secretlint-rule-*`. */
export const VENDOR_TOKEN_RULE = 'implementation-agent/vendor-token';

/**
 * Credentials with a prefix their vendor documents, of kinds secretlint's recommended preset 11.x
 * has no rule for (it has AWS, GCP, GitHub, npm, Slack, SendGrid, Shopify, OpenAI, Anthropic,
 * Linear, 1Password and database URLs). Each pattern is bounded and anchored at a word start, so a
 * scan stays linear; the message id names the kind (`secretKind`).
 */
export const VENDOR_TOKENS: readonly {
  readonly messageId: string;
  readonly pattern: RegExp;
  readonly source: string;
}[] = [
  {
    // Secret keys `sk_live_`/`sk_test_` and restricted keys `rk_live_`/`rk_test_`.
    messageId: 'STRIPE_SECRET_KEY',
    pattern: /\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,247}/g,
    source: 'https://docs.stripe.com/keys#obtain-api-keys',
  },
  {
    // Personal, OAuth application, deploy, runner, pipeline trigger, feed, incoming mail, agent,
    // CI/CD job, SCIM and feature flag tokens; routable tokens add `.`-separated parts.
    messageId: 'GITLAB_TOKEN',
    pattern:
      /\bgl(?:pat|oas|dt|rt|ptt|ft|imt|agent|cbt|soat|ffct)-[0-9A-Za-z_-]{20,200}(?:\.[0-9A-Za-z_-]{1,64}){0,4}/g,
    source: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
  },
  {
    // An API token is `pypi-` and a macaroon whose base64 opens with the location `pypi.org`.
    messageId: 'PYPI_TOKEN',
    pattern: /\bpypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{16,4000}/g,
    source: 'https://pypi.org/help/#apitoken',
  },
];

const messages = {
  VendorToken: {
    en: (props: { KIND: string }) => `found a ${props.KIND}`,
  },
};

/**
 * A secretlint rule reporting each `VENDOR_TOKENS` match, its whole span, under the kind's message
 * id: credentials people paste into code, an issue or a task name by mistake (a Stripe live key, a
 * GitLab personal access token) that the preset would let reach the branch and the stores.
 */
export const vendorTokenRule: SecretLintRuleCreator = {
  messages,
  meta: {
    id: VENDOR_TOKEN_RULE,
    recommended: true,
    type: 'scanner',
    supportedContentTypes: ['text'],
    docs: { url: 'https://docs.gitlab.com/security/tokens/#token-prefixes' },
  },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source: SecretLintSourceCode) {
        for (const { messageId, pattern } of VENDOR_TOKENS) {
          for (const match of source.content.matchAll(pattern)) {
            const start = match.index ?? 0;
            context.report({
              message: { ...t('VendorToken', { KIND: messageId }), messageId },
              range: [start, start + match[0].length],
            });
          }
        }
      },
    };
  },
};
