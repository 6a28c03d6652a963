/**
 * Attacker pass (review #10o) on secrets in the task name reaching the branch name
 * (src/core/naming/change-names.ts `changeNamesFor`, branch-name.ts; fix13i redacts the name before
 * it is slugged, GitHub and the CLI alike). Review10n tried a GitHub token; tried here: other
 * credentials people paste into an issue title by mistake, each of which would survive slugging in
 * a recoverable form (lowercased, separators made `-`). Credentials the secret scanner knows are
 * redacted before the slug; two common kinds it does not know (a Stripe live secret key, a GitLab
 * personal access token) reach the branch, as they pass the secrets gate and the artifact stores
 * (review10o-attacker-unknown-kinds in test/core/secrets). A fault is `it.failing` asserting the
 * right answer; an attack refused is an ordinary test.
 */
import { readFileSync } from 'node:fs';
import { changeNamesFor } from '../../../src/core/naming/change-names.js';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';

const example = JSON.parse(
  readFileSync(new URL('../../../examples/orders-api.request.json', import.meta.url), 'utf8'),
) as RequestPayload;

const named = (taskName: string): RequestPayload => ({
  ...example,
  execution_request: { ...example.execution_request, task_name: taskName },
});

/** The characters a slug keeps: lowercased, separators dropped. */
const folded = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The name is the credential alone, so the 40-character slug does not cut it off. */
async function branchesFor(secret: string): Promise<string[]> {
  const github = await changeNamesFor({ request: named(secret), issueNumber: 7 });
  const local = await changeNamesFor({ request: named(secret) });
  return [github.branch, local.branch];
}

const KNOWN = {
  'a Slack incoming-webhook URL':
    'https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/aBcDeFgHiJkLmNoPqRsTuVwX',
  'an npm access token': 'npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
  'a Slack bot token': 'xoxb-123456789012-1234567890123-aBcDeFgHiJkLmNoPqRsTuVwX',
};

describe('review10o attacker: credentials the scanner knows, in the task name (refused)', () => {
  for (const [kind, secret] of Object.entries(KNOWN)) {
    it(`${kind} becomes its redaction marker in the GitHub and CLI branch names`, async () => {
      for (const branch of await branchesFor(secret)) {
        expect(branch).toContain('redacted');
        expect(folded(branch)).not.toContain(folded(secret).slice(-16));
      }
    });
  }
});

describe('review10o attacker: credentials the scanner does not know, in the task name', () => {
  it('fixed FAULT: a Stripe live secret key does not reach the branch names', async () => {
    const secret = 'sk_live_51HaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD';
    for (const branch of await branchesFor(secret)) expect(folded(branch)).not.toContain('habcdefghijklmnop');
  });

  it('fixed FAULT: a GitLab personal access token does not reach the branch names', async () => {
    const secret = 'glpat-aBcDeFgHiJkLmNoPqRsT';
    for (const branch of await branchesFor(secret))
      expect(folded(branch)).not.toContain('abcdefghijklmnopqrst');
  });
});
