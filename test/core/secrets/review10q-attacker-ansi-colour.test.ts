/**
 * Attacker pass (review #10q) on ANSI colour codes in logs (src/core/secrets/redact-secrets.ts, the
 * one redaction path for logs, comments and artifacts; src/core/stores/redact-artifact-body.ts).
 * UTF-32 reading already counts ESC as text (utf32-text.ts), but the scan itself reads the codes as
 * written. Attacked: a token printed in colour (`chalk.red(token)`, a CLI echoing its config):
 * the Select Graphic Rendition sequence ends in the letter `m` right before the token, so a rule
 * anchored at a word start (`\b`, or secretlint's `(?<!\p{L})` for GitHub tokens) finds nothing;
 * and `grep --color=always` highlighting part of a token, which cuts it with codes. Control: a
 * colour code followed by a space. A fault is `it.failing` asserting the right answer; an attack
 * refused is an ordinary test.
 */
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const STRIPE = 'sk_live_51HaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD';
const ESC = '\u001b';
const red = (text: string) => `${ESC}[31m${text}${ESC}[0m`;

describe('review10q attacker: a token printed in colour', () => {
  it.failing('FAULT: a GitHub token right after a colour code is redacted from a log', async () => {
    const text = `Using credentials: ${red(TOKEN)}\n`;
    expect(await redactSecrets(text)).not.toContain(TOKEN);
  });

  it.failing('FAULT: a Stripe key in 24-bit colour is redacted from a stored log artifact', async () => {
    const text = `payments: ${ESC}[38;2;255;85;85m${STRIPE}${ESC}[0m\n`;
    expect((await redactArtifactBody(text, 'logs/deploy.log')).toString()).not.toContain(STRIPE);
  });

  it.failing('FAULT: a token partly highlighted by `grep --color=always` is redacted', async () => {
    const highlighted = `${TOKEN.slice(0, 10)}${ESC}[01;31m${ESC}[K${TOKEN.slice(10, 20)}${ESC}[m${ESC}[K${TOKEN.slice(20)}`;
    const text = `.env:3:GITHUB_TOKEN=${highlighted}\n`;
    expect(await redactSecrets(text)).not.toContain(TOKEN.slice(20));
  });

  it('a token after a colour code and a space is redacted (control)', async () => {
    const text = `Using credentials: ${ESC}[31m ${TOKEN}${ESC}[0m\n`;
    expect(await redactSecrets(text)).not.toContain(TOKEN);
  });
});
