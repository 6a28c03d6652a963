// Attacker pass 9o (test-only) on the folder a script runs the compiler in
// (src/core/risk/compiler-project-arguments.ts): a `cd`/`pushd` is followed, and a `cd` the text
// cannot follow makes the rest unknown (high). Attacked: the other ways a script's command runs in
// another folder, which tools document as "run as if started in <dir>": coreutils `env -C <dir>`
// (`--chdir`), pnpm's `-C <dir>`/`--dir`, Yarn 1's `--cwd <dir>`, npm's `--prefix <dir>` with
// `exec`; the configuration they make tsc read (conf/build.json, outDir over a runner action) is
// not judged. Also the forms correctly judged.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

/** The change writes svc/conf/build.json; the base branch's svc/package.json has `build`. */
const levelWith = (build: string) =>
  classifyRisk({
    files: [{ path: 'svc/conf/build.json', content: OUTSIDE, role: 'config' }],
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: 'svc/package.json', content: manifest(build) }],
  }).level;

describe('attacker 9o: a command run in another folder without cd', () => {
  it.each([
    ['env -C conf tsc -p build.json', 'coreutils env --chdir, short form'],
    ['env --chdir=conf tsc -p build.json', 'coreutils env --chdir'],
    ['pnpm -C conf exec tsc -p build.json', "pnpm's -C (run as if started in conf)"],
    ['pnpm --dir conf exec tsc -p build.json', "pnpm's --dir"],
    ['yarn --cwd conf tsc -p build.json', "Yarn 1's --cwd"],
  ])('FAULT: a base build script %j (%s) judges the changed conf/build.json', (build) => {
    expect(levelWith(build)).toBe('high');
  });

  it.each([
    ['cd conf && tsc -p build.json'],
    ['pushd conf && tsc -p build.json'],
    ['tsc -p conf/build.json'],
    ['cd "$CONF_DIR" && tsc -p build.json'],
  ])('refused: a base build script %j judges the changed conf/build.json (or is unknown)', (build) => {
    expect(levelWith(build)).toBe('high');
  });

  it('control: a base build script that names no configuration leaves conf/build.json low', () => {
    expect(levelWith('tsc')).toBe('low');
  });
});
