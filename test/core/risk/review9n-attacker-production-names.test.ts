// Attacker pass 9n (test-only) on production names (src/core/config/is-production-name.ts, used by
// the config defaults, the risk classifier and GitHub's `production_environment`). GitHub treats
// environment names without regard to case (GitHub Docs, "Managing environments for deployment";
// src/core/config/find-environment.ts relies on it), so every spelling of one name in other case is
// the same environment and must get the same answer. The camelCase split reads case as word
// boundaries, so some case spellings of a production name are not production.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isProductionName } from '../../../src/core/config/is-production-name.js';

describe('attacker 9n: one environment, spelt in other case', () => {
  it.each([
    ['pROD', 'prod'],
    ['PRoD', 'prod'],
    ['prOD-eu', 'prod-eu'],
    ['PRODEU', 'PRODeu'],
    ['LIVEUS', 'LIVEus'],
    ['pRODuction', 'production'],
  ])(
    '%s (the same GitHub environment as %s, a production name) is production (was a FAULT)',
    (variant, name) => {
      expect(isProductionName(name)).toBe(true);
      expect(isProductionName(variant)).toBe(true);
    },
  );

  it.each(['PROD', 'Prod', 'PROD-EU', 'Prod_Eu', 'LIVE', 'euLIVE', 'PRD'])(
    'refused: %s is production',
    (name) => {
      expect(isProductionName(name)).toBe(true);
    },
  );

  it.each(['preprod', 'pre-prod', 'NON_PROD', 'devLive', 'qa2live', 'staging', 'develop'])(
    'control: %s (a negated production word, or none) is not production, in any case',
    (name) => {
      expect(isProductionName(name)).toBe(false);
      expect(isProductionName(name.toUpperCase())).toBe(false);
    },
  );

  it('every case spelling of a name gets the answer of its lower-cased name', () => {
    const letters = fc.constantFrom(...'prodlivepnatesgqux-_2'.split(''));
    fc.assert(
      fc.property(
        fc.array(letters, { maxLength: 16 }),
        fc.array(fc.boolean(), { maxLength: 16 }),
        (chars, upper) => {
          const name = chars.join('');
          const spelt = chars
            .map((char, index) => (upper[index] === true ? char.toUpperCase() : char))
            .join('');
          expect(isProductionName(spelt)).toBe(isProductionName(name));
        },
      ),
      { numRuns: 500 },
    );
  });
});
