// Attacker pass 9q (test-only) on how the script reader finds a command's program
// (compiler-project-arguments.ts `readCommand`/`shellFileRun`/`enteredFolder`: the program is the
// first word after the `NAME=value` assignments). The shell's reserved words and grouping (POSIX
// Shell Command Language 2.4 "Reserved Words", 2.9.4 "Compound Commands": `if … then`, `{ …; }`,
// `!`) put a word before the program, so `then ./build.sh` is read as the program `then` and
// `{ cd conf; … }` as the program `{`: the file is not run, the folder not entered, and a changed
// configuration tsc builds with is low. Also `command cd` (POSIX `command`, in dash) and `CDPATH`
// (POSIX `cd`: a relative folder is looked up in `$CDPATH` first; checked with dash). Refused: the
// `&&` form of the same. A FAULT asks only that the change is not low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

/** The reasons' places when the change writes `changed` and the base has the manifest and `svc/build.sh`. */
const whereOf = (build: string, shellFile?: string, changed = 'svc/build.json') =>
  classifyRisk({
    files: [{ path: changed, content: OUTSIDE, role: 'config' as const }],
    targetEnvironment: 'staging',
    production: false,
    base: [
      { path: 'svc/package.json', content: manifest(build) },
      ...(shellFile === undefined ? [] : [{ path: 'svc/build.sh', content: shellFile }]),
    ],
  }).reasons.map((reason) => reason.where);

const BUILD_SH = '#!/bin/sh\ntsc -p build.json\n';

describe('a shell script file run after a reserved word or inside a group', () => {
  it('control: `[ -x build.sh ] && ./build.sh` has the configuration judged', () => {
    expect(whereOf('[ -x build.sh ] && ./build.sh', BUILD_SH)).toContain(
      'svc/build.json#compilerOptions.outDir',
    );
  });

  it.failing.each([
    'if [ -n "$CI" ]; then ./build.sh; fi',
    'if [ -z "$SKIP" ]; then :; else ./build.sh; fi',
    '{ ./build.sh; }',
    '! ./build.sh',
    'true && { . ./build.sh; }',
    'for step in 1; do ./build.sh; done',
  ])('FAULT: %j runs ./build.sh, whose tsc -p build.json is not read (changed file low)', (build) => {
    expect(whereOf(build, BUILD_SH)).not.toEqual([]);
  });
});

describe('a folder entered by a cd the reader does not see', () => {
  it('control: `cd conf && tsc -p build.json` judges conf/build.json', () => {
    expect(whereOf('cd conf && tsc -p build.json', undefined, 'svc/conf/build.json')).toContain(
      'svc/conf/build.json#compilerOptions.outDir',
    );
  });

  it.failing.each(['if cd conf; then tsc -p build.json; fi', '{ cd conf; tsc -p build.json; }'])(
    'FAULT: %j builds conf/build.json, read from the manifest folder only (changed file low)',
    (build) => {
      expect(whereOf(build, undefined, 'svc/conf/build.json')).not.toEqual([]);
    },
  );

  it('fixed FAULT: "command cd conf && tsc -p build.json" builds conf/build.json, read from the manifest folder only (changed file low)', () => {
    expect(whereOf('command cd conf && tsc -p build.json', undefined, 'svc/conf/build.json')).not.toEqual([]);
  });

  it.failing(
    'FAULT: `CDPATH=conf; cd src && tsc -p build.json` enters conf/src (POSIX cd searches CDPATH), read as src only',
    () => {
      expect(
        whereOf('CDPATH=conf; cd src && tsc -p build.json', undefined, 'svc/conf/src/build.json'),
      ).not.toEqual([]);
    },
  );
});
