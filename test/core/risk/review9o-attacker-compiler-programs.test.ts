// Attacker pass 9o (test-only) on the programs a base build script runs that read a TypeScript
// configuration (src/core/risk/compiler-project-arguments.ts): tsc and esbuild's command line are
// read, and a shell script file a script runs (`sh build.sh`) is unknown (high), since its commands
// are not read. Attacked: the same situation in the forms builds use most — esbuild driven from a
// JavaScript file (`node build.mjs`, esbuild API "tsconfig" option; `tsx scripts/build.ts`), and
// tsup (esbuild underneath, `--tsconfig <file>`, tsup docs) — where the changed conf/build.json
// (outDir over a runner action, paths into the runner's home) is neither judged nor unknown. Also
// the spellings correctly judged.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: {
    outDir: '/home/runner/work/_actions/actions/checkout',
    paths: { '*': ['/home/runner/.docker/*'] },
  },
});

/** The change writes svc/conf/build.json; the base branch's svc/package.json has `build`. */
const levelWith = (build: string) =>
  classifyRisk({
    files: [{ path: 'svc/conf/build.json', content: OUTSIDE, role: 'config' }],
    targetEnvironment: 'staging',
    production: false,
    base: [
      {
        path: 'svc/package.json',
        content: JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } }),
      },
    ],
  }).level;

describe('attacker 9o: a build the script text does not show', () => {
  it('control: a shell script file the build runs is unknown (high)', () => {
    expect(levelWith('sh build.sh')).toBe('high');
  });

  it.each([
    ['node build.mjs', 'esbuild API from a JavaScript file'],
    ['node scripts/build.js', 'a JavaScript file in a folder'],
    ['tsx scripts/build.ts', 'a TypeScript build file run by tsx'],
  ])('FAULT: a base build script %j (%s) makes the changed conf/build.json unknown or judged', (build) => {
    expect(levelWith(build)).toBe('high');
  });

  it('FAULT: a base build script "tsup src/index.ts --tsconfig conf/build.json" judges conf/build.json', () => {
    expect(levelWith('tsup src/index.ts --tsconfig conf/build.json')).toBe('high');
  });

  it.each([
    ['npm exec -- tsc -p conf/build.json'],
    ['bunx tsc -p conf/build.json'],
    ['tsc -p ./conf/../conf/build.json'],
    ['tsc -p conf//build.json'],
    ['tsc --project="conf/build.json"'],
    ["tsc -p 'conf/build.json'"],
    ['cd conf/ && tsc -p build.json'],
    ['cd ./conf && tsc -p build.json'],
    ['cd conf/sub/.. && tsc -p build.json'],
    ['cd -- conf && tsc -p build.json'],
    ['esbuild src/index.ts --bundle --tsconfig=conf/build.json'],
  ])('refused: a base build script %j judges the changed conf/build.json', (build) => {
    expect(levelWith(build)).toBe('high');
  });

  it('control: another case (CONF/BUILD.JSON) is another file on the Linux runner: low', () => {
    expect(levelWith('tsc -p CONF/BUILD.JSON')).toBe('low');
  });
});
