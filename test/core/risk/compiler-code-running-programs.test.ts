// Issue #9: a script that runs a build file (`node build.mjs`, `ts-node`, `bun run`) or a build
// tool whose configuration file is code (`rollup -c`, `vite build`, `webpack`, `tsup`) may start
// tsc or esbuild with any configuration: unknown (code-running-programs.ts), so a changed file that
// may be that configuration is not low; tsup's `--tsconfig` is read as tsc's `-p`.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});

const reasonsWith = (build: string) =>
  classifyRisk({
    files: [{ path: 'svc/conf/build.json', content: OUTSIDE, role: 'config' }],
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: 'svc/package.json', content: JSON.stringify({ name: 'svc', scripts: { build } }) }],
  }).reasons.map((reason) => reason.where);

describe('a script running code the text does not show', () => {
  it.each([
    ['ts-node scripts/build.ts'],
    ['bun run scripts/build.ts'],
    ['node -e "require(\'./build\')"'],
    ['node --import ./register.mjs node_modules/typescript/lib/tsc.js'],
    ['rollup -c'],
    ['vite build'],
    ['webpack --config webpack.prod.js'],
    ['npx tsx build.ts'],
  ])('%j: unknown, so a changed file that may be its configuration is not low', (build) => {
    expect(reasonsWith(build)).toContain('svc/package.json#scripts.build');
  });

  it.each([['tsup src/index.ts --tsconfig=conf/build.json'], ['tsdown --tsconfig conf/build.json']])(
    '%j: the configuration its --tsconfig names is judged',
    (build) => {
      expect(reasonsWith(build)).toContain('svc/conf/build.json#compilerOptions.outDir');
    },
  );

  it("control: node running tsc's own file is read as tsc", () => {
    expect(reasonsWith('node node_modules/typescript/lib/tsc.js -p tsconfig.json')).toEqual([]);
  });
});
