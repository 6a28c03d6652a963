// Attacker pass 9q (test-only) on the shells whose `-c` script is read
// (compiler-project-arguments.ts `SHELL` = sh, bash, dash, zsh, ksh, ash; `readCommand` reads the
// word after `-c`): other shells a runner may have — fish, mksh, PowerShell (`pwsh -Command`, on
// GitHub's hosted runners), csh/tcsh — run their argument as commands too, and are not known, so
// `fish -c "tsc -p build.json"` is low. And `sh -c -- 'script'` (`--` ends the shell's options;
// checked with dash and bash) is read as the script `--`. Refused: `busybox sh -c` (the shell found
// among the words), `bash -ec`. A FAULT asks only that the change is not low: reading the script or
// failing closed on a shell not known both answer it.
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

describe("another shell's command string", () => {
  it.failing.each([
    'fish -c "tsc -p build.json"',
    'mksh -c "tsc -p build.json"',
    'pwsh -Command "tsc -p build.json"',
    'pwsh -c "tsc -p build.json"',
    'tcsh -c "tsc -p build.json"',
  ])('FAULT: %j runs tsc -p build.json and is not read (changed file low)', (build) => {
    expect(whereOf(build)).not.toEqual([]);
  });

  it.failing.each(['sh -c -- "tsc -p build.json"', 'bash -c -- "tsc -p build.json"'])(
    'FAULT: %j: `--` after -c is taken as the script, tsc -p build.json not read (changed file low)',
    (build) => {
      expect(whereOf(build)).not.toEqual([]);
    },
  );
});

describe('shells the reader finds (refused attacks)', () => {
  it.each([
    'busybox sh -c "tsc -p build.json"',
    'bash -ec "tsc -p build.json"',
    'sh -e -c "tsc -p build.json"',
  ])('%j: the script is read and the configuration judged', (build) => {
    expect(whereOf(build)).toContain(JUDGED);
  });
});
