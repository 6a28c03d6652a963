// Attacker pass 9q (test-only) on the commands that run the command after them
// (compiler-project-arguments.ts `WRAPPERS`, `readCommand`, `shellFileRun`): 9p fixed `exec`, `env`,
// `cross-env`, `time` and `nohup` running `./build.sh`; other programs of the same kind — coreutils'
// `nice`, `timeout`, `stdbuf`, `sudo` (passwordless on GitHub's hosted runners), dotenv-cli's
// `dotenv --`, `env-cmd` — run the file just the same, and it is not read: a changed `build.json`
// that the file points tsc at (its outDir writing over the runner's checkout of an action) is low.
// `command ./x.sh` is known and not repeated here. Refused: an `env` option with a value before
// `-C` fails closed.
// A FAULT asks only that the change is not low: reading the file (the configuration judged) or
// failing closed (a wrapper not known) both answer it.
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

describe('a shell script file run through a wrapper the reader does not know', () => {
  it('control: `nohup ./build.sh` (a known wrapper) has the configuration judged', () => {
    expect(whereOf('nohup ./build.sh', BUILD_SH)).toContain('svc/build.json#compilerOptions.outDir');
  });

  it.failing.each([
    'nice ./build.sh',
    'nice -n 10 ./build.sh',
    'timeout 600 ./build.sh',
    'stdbuf -oL ./build.sh',
    'sudo ./build.sh',
    'dotenv -- ./build.sh',
    'env-cmd ./build.sh',
  ])('FAULT: %j runs ./build.sh, whose tsc -p build.json is not read (changed file low)', (build) => {
    expect(whereOf(build, BUILD_SH)).not.toEqual([]);
  });
});

describe('wrapper options the reader cannot follow (refused attacks)', () => {
  it('`env -u HOME -C conf tsc -p build.json`: the option value hides -C from the folder reader, but the script fails closed', () => {
    expect(whereOf('env -u HOME -C conf tsc -p build.json', undefined, 'svc/conf/build.json')).not.toEqual(
      [],
    );
  });

  it('`env -iC conf` (options run together) fails closed', () => {
    expect(whereOf('env -iC conf tsc -p build.json', undefined, 'svc/conf/build.json')).not.toEqual([]);
  });
});
