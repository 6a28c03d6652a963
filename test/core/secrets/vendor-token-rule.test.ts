import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.js';

describe('credentials with a vendor-documented prefix (vendorTokenRule)', () => {
  it.each([
    ['STRIPE_KEY=rk_live_51HaBcDeFgHiJkLmNoPqRsTuV', 'STRIPE_KEY=[REDACTED:stripe-secret-key]'],
    ["new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc')", "new Stripe('[REDACTED:stripe-secret-key]')"],
    ['token: gldt-aBcDeFgHiJkLmNoPqRsTuV', 'token: [REDACTED:gitlab-token]'],
    ['GITLAB_TOKEN=glpat-aBcDeFgHiJkLmNoPqRsTuV.01.0w1x2y3z4', 'GITLAB_TOKEN=[REDACTED:gitlab-token]'],
    ['password = pypi-AgEIcHlwaS5vcmcCJGQ3YjNjZjM5LTk0ZjMtNDhmYi1iNGQ1', 'password = [REDACTED:pypi-token]'],
  ])('redacts %s', async (text, redacted) => {
    expect(await redactSecrets(text)).toBe(redacted);
  });

  it.each([
    'const desk_live_mode = true; // not a key',
    'sk_live_short',
    'glpat-tooShort',
    'pypi-requests',
    'https://docs.stripe.com/keys says secret keys start sk_live_',
  ])('leaves %s alone', async (text) => {
    expect(await scanSecrets({ text })).toEqual([]);
  });
});
