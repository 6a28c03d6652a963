/**
 * Attacker pass (review #10p) on the vendor token rule (src/core/secrets/vendor-token-rule.ts) and
 * base64 wrapped over lines (scan-base64-literals.ts), with tokens where people and tools put them.
 * Attacked: a token right after a `\n` escape in a string literal of generated code
 * (`"Deploy key:\nghp_…"`, `"…:\nsk_live_…"`) and in a generated log file: read as a file (by
 * path), the text is scanned as written, where the escape's letter `n` touches the token, so a
 * rule anchored at a word start (`\b`: the vendor rule, and secretlint's own GitHub rule) finds
 * nothing; the same text without a path is decoded and redacted. Also a token base64-encoded and
 * split over implicitly concatenated string literals (Python, as a formatter wraps a long line),
 * which no single piece decodes to; vendor tokens after other separators; a JSON log stored as an
 * artifact of its own. A fault is `it.failing` asserting the right answer; an attack refused is an
 * ordinary test.
 */
import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { bundleOf, file } from '../gates/bundle-fixtures.js';

const STRIPE = 'sk_live_51HaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD';
const GITLAB = 'glpat-aBcDeFgHiJkLmNoPqRsT';
const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

/** Whether the secrets gate refuses a change holding this one generated file. */
const gateFinds = async (path: string, content: string) =>
  (await checkSecrets(bundleOf([file(path, content)]))).length > 0;

describe('review10p attacker: a token right after a \\n escape, in a generated file', () => {
  const files = (secret: string): [string, string][] => [
    ['src/banner.ts', `export const banner = "Deploy key:\\n${secret}";\n`],
    ['src/banner.py', `BANNER = "Deploy key:\\n${secret}"\n`],
  ];

  it('fixed FAULT: a GitHub token after \\n in a string literal is refused by the secrets gate', async () => {
    for (const [path, content] of files(TOKEN)) expect(await gateFinds(path, content)).toBe(true);
  });

  it('fixed FAULT: a GitHub token after \\n in a string literal is not kept in the stored artifact', async () => {
    for (const [path, content] of files(TOKEN))
      expect((await redactArtifactBody(content, `files/${path}`)).toString()).not.toContain(TOKEN);
  });

  it('fixed FAULT: a Stripe key after \\n in a string literal is refused by the secrets gate', async () => {
    for (const [path, content] of files(STRIPE)) expect(await gateFinds(path, content)).toBe(true);
  });

  it('fixed FAULT: a generated JSON-lines log fixture keeps no token after an escaped line break', async () => {
    const content = `{"level":"info","msg":"payments configured:\\n${STRIPE}\\nready"}\n`;
    expect((await redactArtifactBody(content, 'files/test/fixtures/deploy.jsonl')).toString()).not.toContain(
      STRIPE,
    );
  });

  it('the same literal with a space before the token is refused and redacted (control)', async () => {
    const content = `export const banner = "Deploy key: ${TOKEN}";\n`;
    expect(await gateFinds('src/banner.ts', content)).toBe(true);
    expect((await redactArtifactBody(content, 'files/src/banner.ts')).toString()).not.toContain(TOKEN);
  });

  it('a JSON log stored as an artifact of its own (no file path) is decoded and redacted', async () => {
    const content = `{"level":"info","msg":"payments configured:\\n${STRIPE}\\nready"}\n`;
    expect((await redactArtifactBody(content, 'logs/deploy.jsonl')).toString()).not.toContain(STRIPE);
  });

  it.each([
    ['after a tab escape', `config:\\t${STRIPE}`],
    ['after a space in a JSON log', `{"msg":"key ${STRIPE}"}`],
    ['in a query string', `https://api.example.com/charge?key=${STRIPE}&amount=5`],
    ['after a colon in YAML', `stripe:${STRIPE}`],
    ['a GitLab token in a quoted header', `"PRIVATE-TOKEN: ${GITLAB}"`],
  ])('redacts a vendor token %s', async (_name, text) => {
    const redacted = await redactSecrets(text);
    expect(redacted).not.toContain(STRIPE);
    expect(redacted).not.toContain(GITLAB);
  });
});

describe('review10p attacker: base64 of a token split over concatenated literals', () => {
  const encoded = Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`).toString('base64');
  const pieces = encoded.match(/.{1,40}/g) ?? [];

  it('fixed FAULT: Python implicit concatenation of base64 pieces is refused by the secrets gate', async () => {
    const content = [
      'BOOTSTRAP = base64.b64decode(',
      ...pieces.map((piece) => `    "${piece}"`),
      ')',
      '',
    ].join('\n');
    expect(await gateFinds('src/bootstrap.py', content)).toBe(true);
  });

  it('the same base64 wrapped as a YAML block scalar is refused (control)', async () => {
    const content = ['data: |', ...pieces.map((piece) => `  ${piece}`), ''].join('\n');
    expect(await gateFinds('deploy/bootstrap.yaml', content)).toBe(true);
  });
});
