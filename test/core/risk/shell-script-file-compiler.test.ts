// Issue #9: a base manifest script that runs a shell script file (`sh build.sh`, `bash
// scripts/build.sh`, `./build.sh`) runs commands the manifest does not hold; when the file itself
// was not read (here the base given holds none), which configuration it gives tsc or esbuild is not
// known, so a changed file that may be one is not low (the reason is at the script). Files that are
// read: shell-script-file-read.test.ts.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});

const reasonsOf = (build: string) =>
  classifyRisk({
    files: [{ path: 'svc/build.json', content: OUTSIDE, role: 'config' as const }],
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: 'svc/package.json', content: JSON.stringify({ name: 'svc', scripts: { build } }) }],
  }).reasons.map((reason) => `${reason.code} ${reason.where}`);

describe('a base script running a shell script file', () => {
  it.each([
    ['sh build.sh'],
    ['bash scripts/build.sh'],
    ['bash -e ./build.sh'],
    ['./build.sh'],
    ['cross-env A=1 sh build.sh'],
  ])('%j: a changed file that may be its configuration is not low', (build) => {
    expect(reasonsOf(build)).toContain('unseen-effect svc/package.json#scripts.build');
  });

  it('control: a script that runs no shell file or code file names nothing unknown', () => {
    expect(reasonsOf('tsc && echo built')).toEqual([]);
  });

  // A JavaScript build file may start tsc or esbuild with any configuration (code-running-programs.ts).
  it('a script running a build file with node is unknown too', () => {
    expect(reasonsOf('node build.js')).toContain('unseen-effect svc/package.json#scripts.build');
  });
});
