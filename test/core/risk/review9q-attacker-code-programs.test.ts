// Attacker pass 9q (test-only) on the programs that run code the script text does not show
// (code-running-programs.ts `CODE_RUNNERS`, `CONFIG_CODE_TOOLS`) and on the compiler's names
// (compiler-project-arguments.ts `TSC`): the interpreters every hosted runner has (python3, perl,
// ruby), npm's own `npx -c`/`npm exec --call` (npm Docs "npm exec": "--call, -c: an optional
// command string to run") and pnpm's `exec --shell-mode`/`-c` (pnpm CLI "exec": runs the command
// inside a shell), `make`/`just` (recipes from a Makefile/justfile), ts-node-dev and nodemon
// run code that may start tsc with any configuration, and are not known; and tsc's drop-in
// front-ends that take `-p` as tsc does (tsc-watch forwards its other arguments to tsc; ts-patch's
// `tspc`, ttypescript's `ttsc`, `vue-tsc`), and tsc-alias (reads the project's outDir and rewrites
// the files there), are not read as the compiler. Each leaves a changed `build.json` whose outDir
// writes over the runner's checkout of an action low. Refused: tsx, `node -e`, `bunx tsc`.
// A FAULT asks only that the change is not low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

/** The reasons' places when the change writes `svc/build.json` and the base has the manifest and `svc/build.sh`. */
const whereOf = (build: string, shellFile?: string) =>
  classifyRisk({
    files: [{ path: 'svc/build.json', content: OUTSIDE, role: 'config' as const }],
    targetEnvironment: 'staging',
    production: false,
    base: [
      { path: 'svc/package.json', content: manifest(build) },
      ...(shellFile === undefined ? [] : [{ path: 'svc/build.sh', content: shellFile }]),
    ],
  }).reasons.map((reason) => reason.where);

const JUDGED = 'svc/build.json#compilerOptions.outDir';

describe('a program running code the text does not show', () => {
  it.failing.each([
    `python3 -c "import subprocess; subprocess.run(['tsc', '-p', 'build.json'])"`,
    'perl -e "system q(tsc -p build.json)"',
    'ruby -e "system %q(tsc -p build.json)"',
    'npx -c "tsc -p build.json"',
    'npm exec --call "tsc -p build.json"',
    'pnpm exec --shell-mode "tsc -p build.json"',
    'pnpm exec -c "tsc -p build.json"',
    'make build',
    'just build',
    'ts-node-dev scripts/build.ts',
    'nodemon scripts/build.ts',
  ])('FAULT: %j may run tsc with any configuration, and is not unknown (changed file low)', (build) => {
    expect(whereOf(build)).not.toEqual([]);
  });
});

describe("tsc's front-ends, which take -p as tsc does", () => {
  it.failing.each([
    'tsc-watch -p build.json --onSuccess "node dist/index.js"',
    'tspc -p build.json',
    'ttsc -p build.json',
    'vue-tsc -p build.json',
    'tsc-alias -p build.json',
  ])('FAULT: %j builds with build.json, which is not judged (changed file low)', (build) => {
    expect(whereOf(build)).not.toEqual([]);
  });
});

describe('code runners the reader knows (refused attacks)', () => {
  it.each(['tsx scripts/build.ts', 'node -e "require(\'./build\')"', 'deno run -A build.ts'])(
    '%j fails closed',
    (build) => {
      expect(whereOf(build)).toContain('svc/package.json#scripts.build');
    },
  );

  it('`bunx tsc -p build.json` is read as tsc', () => {
    expect(whereOf('bunx tsc -p build.json')).toContain(JUDGED);
  });
});
