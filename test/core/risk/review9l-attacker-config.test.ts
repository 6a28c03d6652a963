// Attacker pass 9l (test-only) on two inputs of the risk classifier that are not templates:
// the target environment's name (src/core/config/is-production-name.ts, through
// isProductionEnvironment and the generator's isProduction) and the TypeScript configuration the
// build reads (src/core/risk/compiler-config-risks.ts, run by classifyRisk). Attacked: camelCase
// production names, and tsconfig settings that make tsc read files outside the service folder.
import { describe, expect, it } from '@jest/globals';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { isProductionName } from '../../../src/core/config/is-production-name.js';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { isProductionEnvironment } from '../../../src/core/risk/is-production-environment.js';

describe('attacker 9l: which environment names are production', () => {
  // Environment names are `[A-Za-z0-9][A-Za-z0-9_-]*` (the config schema), so camelCase is a
  // spelling people use (`usProd`, `ProdEU`); the name rule splits words on non-letters only, so
  // `usprod` is one word and not production. A hybrid request for `usProd` is then low risk:
  // automated, auto-merged and deployed to production on merge with nobody's approval.
  it.each(['usProd', 'ProdEU', 'euProduction', 'apiLive', 'EUProd', 'liveUs', 'usProd2'])(
    '%s (a camelCase production name) is production — hybrid runs guided there (was a FAULT)',
    (name) => {
      const config = agentConfigSchema.parse({ environments: { [name]: {} } });
      expect(isProductionName(name)).toBe(true);
      expect(isProductionEnvironment({ name, config })).toBe(true);
    },
  );

  it.each(['preProd', 'nonProd', 'devLive'])(
    'control: %s (a negated production word) is not production',
    (name) => {
      expect(isProductionName(name)).toBe(false);
    },
  );

  // Was "not production": GitHub compares environment names without regard to case, so `PRODucts`
  // (production by its camelCase words) is the same environment; the rule now fails closed (9n).
  it.each(['products', 'prodigy', 'PRODUCTS', 'ProductsEU'])(
    '%s holds a production word in any case, so it is production (the safe side)',
    (name) => {
      expect(isProductionName(name)).toBe(true);
    },
  );
});

const manifest = JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build: 'tsc' } });
const riskOf = (tsconfig: Record<string, unknown>) =>
  classifyRisk({
    files: [
      { path: 'svc/package.json', content: manifest, role: 'config' },
      { path: 'svc/tsconfig.json', content: JSON.stringify(tsconfig), role: 'config' },
    ],
    targetEnvironment: 'staging',
    production: false,
  });

// tsc compiles every file `files` and `include` name (TSConfig Reference, "files", "include") into
// the output the deploy run zips and deploys as the Lambda's code; with `allowJs` and
// `resolveJsonModule` that takes any .js/.json file at that path. An absolute path or `..` reads
// files of the runner (outside the checkout: another action's files, `~/.docker/config.json`
// after a registry login) into the deployed function, where the change's own code can serve them.
// compiler-config-risks.ts judged `paths`, `baseUrl`, `rootDirs` (reads) and `outDir` (writes),
// but not the two settings that choose what is read (fixed: fix9d judges every path setting).
describe('attacker 9l: tsconfig naming files outside the service', () => {
  it('control: include and files inside the folder are low', () => {
    expect(riskOf({ include: ['src/**/*.ts'], files: ['src/index.ts'] }).reasons).toEqual([]);
  });

  it('control: a paths entry outside the folder is not low (judged today)', () => {
    expect(riskOf({ compilerOptions: { baseUrl: '.', paths: { x: ['/etc/*'] } } }).level).toBe('high');
  });

  it('`files` naming an absolute path on the runner is not low', () => {
    expect(
      riskOf({
        compilerOptions: { allowJs: true, resolveJsonModule: true, outDir: 'dist' },
        files: ['src/index.ts', '/home/runner/.docker/config.json'],
      }).level,
    ).toBe('high');
  });

  it('`include` climbing out of the service folder is not low', () => {
    expect(
      riskOf({
        compilerOptions: { allowJs: true, outDir: 'dist' },
        include: ['src/**/*', '../../../../_actions/**/*.js'],
      }).level,
    ).toBe('high');
  });
});
