import { MAX_REPORTS_PER_RULE, TOO_MANY_REPORTS } from './secretlint-config.js';

/** What a secretlint finding is, in words for people (`title`) and in a redaction marker (`slug`). */
export interface SecretKind {
  readonly slug: string;
  readonly title: string;
}

/** Keyed by the message ids of secretlint's recommended preset, 11.x, and of our own rules. */
const KINDS: Readonly<Record<string, SecretKind>> = {
  AWSAccessKeyID: { slug: 'aws-access-key-id', title: 'AWS access key ID' },
  AWSSecretAccessKey: { slug: 'aws-secret-access-key', title: 'AWS secret access key' },
  PrivateKeyJSON: { slug: 'gcp-service-account-key', title: 'GCP service account key (JSON)' },
  PrivateKeyP12: { slug: 'gcp-service-account-key', title: 'GCP service account key (p12)' },
  PackageJSON_xOauthToken: { slug: 'github-token', title: 'GitHub token in a package.json URL' },
  Npmrc_authToken: { slug: 'npm-token', title: 'npm auth token in .npmrc' },
  NPM_ACCESS_TOKEN: { slug: 'npm-token', title: 'npm access token' },
  SLACK_TOKEN: { slug: 'slack-token', title: 'Slack token' },
  IncomingWebhook: { slug: 'slack-webhook-url', title: 'Slack incoming webhook URL' },
  BasicAuth: { slug: 'url-credentials', title: 'user name and password in a URL' },
  URLCredential: { slug: 'url-credentials', title: 'credential in a URL (password, token or signature)' },
  OPENAI_TOKEN: { slug: 'openai-api-key', title: 'OpenAI API key' },
  ANTHROPIC_API_KEY: { slug: 'anthropic-api-key', title: 'Anthropic API key' },
  LINEAR_API_TOKEN: { slug: 'linear-api-key', title: 'Linear API key' },
  PrivateKey: { slug: 'private-key', title: 'private key' },
  SENDGRID_KEY: { slug: 'sendgrid-api-key', title: 'SendGrid API key' },
  SHOPIFY_KEY: { slug: 'shopify-api-key', title: 'Shopify API key' },
  GITHUB_TOKEN: { slug: 'github-token', title: 'GitHub token' },
  OPS_TOKEN: { slug: '1password-token', title: '1Password service account token' },
  MongoDBConnection: { slug: 'database-password', title: 'MongoDB connection string with a password' },
  MySQLConnection: { slug: 'database-password', title: 'MySQL connection string with a password' },
  PostgreSQLConnection: { slug: 'database-password', title: 'PostgreSQL connection string with a password' },
  STRIPE_SECRET_KEY: { slug: 'stripe-secret-key', title: 'Stripe secret or restricted key' },
  GITLAB_TOKEN: { slug: 'gitlab-token', title: 'GitLab token' },
  PYPI_TOKEN: { slug: 'pypi-token', title: 'PyPI API token' },
  [TOO_MANY_REPORTS]: {
    slug: 'too-many-secrets',
    title: `more than ${MAX_REPORTS_PER_RULE} secrets of one kind; this and the rest are not listed one by one`,
  },
};

/**
 * The kind behind a secretlint message id; an id this table does not know (a rule added by a later
 * preset) still gets a readable kind from the id itself, so it is reported and redacted all the same.
 */
export function secretKind(messageId: string): SecretKind {
  const known = Object.hasOwn(KINDS, messageId) ? KINDS[messageId] : undefined;
  if (known !== undefined) return known;
  const slug = messageId
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
  return { slug, title: `secret (${messageId})` };
}

/**
 * The kind a redaction marker's slug names (`github-token` → GitHub token), for a secret known
 * only by its marker (`structuredFileSecretMarkers`); a slug this table does not know reads as
 * its words.
 */
export function secretKindOfSlug(slug: string): SecretKind {
  return Object.values(KINDS).find((kind) => kind.slug === slug) ?? { slug, title: slug.replace(/-/g, ' ') };
}
