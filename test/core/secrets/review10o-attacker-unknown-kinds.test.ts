/**
 * Attacker pass (review #10o) on which credentials the secret scanner knows
 * (src/core/secrets/secretlint-config.ts: secretlint's recommended preset plus one URL rule), seen
 * from what issue #10 promises: secrets never reach the artifacts or the branch. Two of the most
 * common credentials in application code are no kind the preset has a rule for: a Stripe live
 * secret key (`sk_live_…`) and a GitLab personal access token (`glpat-…`, GitLab's documented
 * prefix). Generated code holding one passes the secrets gate, is committed, and is kept as it is
 * in the stored artifacts; in a task name it reaches the branch name
 * (review10o-attacker-branch-slug-kinds in test/core/naming). Kinds the preset knows are controls.
 * A fault is `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const STRIPE = 'sk_live_51HaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD';
const GITLAB = 'glpat-aBcDeFgHiJkLmNoPqRsT';
const SENDGRID = 'SG.aBcDeFgHiJkLmNoPqRsTuV.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFg';

const payments = (secret: string) =>
  [
    "import Stripe from 'stripe';",
    '',
    `const stripe = new Stripe('${secret}', { apiVersion: '2024-06-20' });`,
    'export const charge = (amount: number) => stripe.paymentIntents.create({ amount, currency: "aud" });',
    '',
  ].join('\n');

async function gateRefuses(content: string): Promise<boolean> {
  const found = await findFileSecrets({ path: 'src/payments.ts', content });
  return found.asWritten.length + found.hidden.length > 0;
}

describe('review10o attacker: credentials no rule of the scanner knows', () => {
  it('fixed FAULT: generated code with a Stripe live secret key is refused by the secrets gate', async () => {
    expect(await gateRefuses(payments(STRIPE))).toBe(true);
  });

  it('fixed FAULT: the same file is not stored with the Stripe key', async () => {
    const stored = (await redactArtifactBody(payments(STRIPE), 'files/src/payments.ts')).toString();
    expect(stored).not.toContain(STRIPE);
  });

  it('fixed FAULT: a .gitlab-ci variable with a GitLab personal access token is refused by the gate', async () => {
    const content = `variables:\n  GITLAB_TOKEN: ${GITLAB}\n`;
    const found = await findFileSecrets({ path: 'ci/gitlab.yml', content });
    expect(found.asWritten.length + found.hidden.length).toBeGreaterThan(0);
  });
});

describe('review10o attacker: credentials the scanner knows (refused)', () => {
  it('the same code with a SendGrid key is refused by the gate', async () => {
    expect(await gateRefuses(payments(SENDGRID))).toBe(true);
  });
});
