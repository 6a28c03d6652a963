/**
 * Attacker pass (review #10q) on the vendor token rule (src/core/secrets/vendor-token-rule.ts:
 * Stripe, GitLab, PyPI, beside secretlint's recommended preset: AWS, GCP service accounts, GitHub,
 * npm, Slack, SendGrid, Shopify, OpenAI, Anthropic, Linear, 1Password, database URLs). Attacked:
 * credentials of other vendors that document a fixed prefix (most are GitHub secret scanning
 * partners), pasted into an issue or a generated file, as people do with a Stripe key. Each
 * sample has the documented prefix and length, random-looking letters after it. Control: kinds the
 * preset knows. A fault is `it.failing` asserting the right answer; an attack refused is an
 * ordinary test.
 */
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';

const letters = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const hex = (length: number) => '0123456789abcdef'.repeat(8).slice(0, length);

describe('review10q attacker: vendor tokens with a documented prefix', () => {
  it.failing.each([
    // https://huggingface.co/docs/hub/security-tokens (`hf_`, 34 letters)
    ['a Hugging Face access token', `hf_${letters.slice(0, 34)}`],
    // https://docs.digitalocean.com/platform/teams/manage-api-keys/ (`dop_v1_`, 64 hex)
    ['a DigitalOcean personal access token', `dop_v1_${hex(64)}`],
    // https://docs.doppler.com/reference/auth-token-formats (`dp.pt.`, 43 letters)
    ['a Doppler personal token', `dp.pt.${letters}${letters.slice(0, 7)}`],
    // https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefix (`hvs.`)
    ['a HashiCorp Vault service token', `hvs.CAESI${letters}${letters}GhoKHGh2cy5`],
    // https://cloud.google.com/docs/authentication/api-keys (`AIza`, 39 characters in all)
    ['a Google API key', `AIzaSyA${letters.slice(0, 32)}`],
    // https://grafana.com/docs/grafana/latest/administration/service-accounts/ (`glsa_`)
    ['a Grafana service account token', `glsa_${letters.slice(0, 32)}_${hex(8)}`],
    // https://learning.postman.com/docs/developer/postman-api/authentication/ (`PMAK-`)
    ['a Postman API key', `PMAK-${hex(24)}-${hex(34)}`],
    // https://docs.databricks.com/en/dev-tools/auth/pat.html (`dapi`, 32 hex)
    ['a Databricks personal access token', `dapi${hex(32)}`],
    // https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/ (`pul-`, 40 hex)
    ['a Pulumi access token', `pul-${hex(40)}`],
    // https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string
    [
      'an Azure storage account key in a connection string',
      `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${letters}${letters}${letters.slice(0, 14)}==;EndpointSuffix=core.windows.net`,
    ],
  ])('FAULT: %s is redacted', async (_kind, token) => {
    const text = `The staging job needs this: ${token}\n`;
    expect(await redactSecrets(text)).not.toContain(token);
  });

  it.each([
    ['an npm token', `npm_${letters}`],
    ['a Shopify access token', `shpat_${hex(32)}`],
    ['a Stripe secret key', `sk_live_51HaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD`],
  ])('%s is redacted (control)', async (_kind, token) => {
    const text = `The staging job needs this: ${token}\n`;
    expect(await redactSecrets(text)).not.toContain(token);
  });
});
