// Attacker pass 9n (test-only) on production names (src/core/config/is-production-name.ts, used by
// the config defaults, the risk classifier and GitHub's `production_environment`). GitHub treats
// environment names without regard to case (GitHub Docs, "Managing environments for deployment";
// src/core/config/find-environment.ts relies on it), so every spelling of one name in other case is
// the same environment and must get the same answer. The camelCase split reads case as word
// boundaries, so some case spellings of a production name are not production.
import { describe, expect, it } from '@jest/globals';
import { isProductionName } from '../../../src/core/config/is-production-name.js';

describe('attacker 9n: one environment, spelt in other case', () => {
  it.failing.each([
    ['pROD', 'prod'],
    ['PRoD', 'prod'],
    ['prOD-eu', 'prod-eu'],
    ['PRODEU', 'PRODeu'],
    ['LIVEUS', 'LIVEus'],
    ['pRODuction', 'production'],
  ])('FAULT: %s (the same GitHub environment as %s, a production name) is production', (variant, name) => {
    expect(isProductionName(name)).toBe(true);
    expect(isProductionName(variant)).toBe(true);
  });

  it.each(['PROD', 'Prod', 'PROD-EU', 'Prod_Eu', 'LIVE', 'euLIVE', 'PRD'])(
    'refused: %s is production',
    (name) => {
      expect(isProductionName(name)).toBe(true);
    },
  );
});
