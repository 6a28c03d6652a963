// A shell script file or the compiler run through a wrapper (issue #9, session 27 item 2):
// `command ./build.sh`, `command -p`, `builtin` run the command after them as `exec`, `env`,
// `time` and `nohup` do, so what it points tsc at is judged (or the script is unknown).
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { wrappedCommand } from '../../../src/core/risk/command-wrappers.js';
import { shellCommands } from '../../../src/core/risk/shell-commands.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const JUDGED = 'svc/build.json#compilerOptions.outDir';
const UNKNOWN = 'svc/package.json#scripts.build';

/** The reasons' places when the change writes `svc/build.json` beside a reviewed manifest and `svc/build.sh`. */
const whereOf = (build: string, shellFile = '#!/bin/sh\ntsc -p build.json\n', path = 'svc/build.json') =>
  classifyRisk({
    files: [{ path, content: OUTSIDE, role: 'config' as const }],
    targetEnvironment: 'staging',
    production: false,
    base: [
      { path: 'svc/package.json', content: JSON.stringify({ name: 'svc', scripts: { build } }) },
      { path: 'svc/build.sh', content: shellFile },
    ],
  }).reasons.map((reason) => reason.where);

describe('wrappers that run the command after them', () => {
  it.each([
    'command ./build.sh',
    'command -p ./build.sh',
    'command -- ./build.sh',
    'command -p sh build.sh',
    'builtin source ./build.sh',
    'builtin . ./build.sh',
    'command exec ./build.sh',
    'env A=1 command ./build.sh',
    'exec ./build.sh',
    'time -p ./build.sh',
    'nohup -- ./build.sh',
    'command tsc -p build.json',
  ])('%j: the configuration it reaches is judged', (build) => {
    expect(whereOf(build)).toContain(JUDGED);
  });

  it('`builtin cd` and `command cd` enter the folder as `cd` does', () => {
    expect(whereOf('builtin cd conf && tsc -p build.json', '', 'svc/conf/build.json')).toContain(
      'svc/conf/build.json#compilerOptions.outDir',
    );
    expect(whereOf('command cd conf && tsc -p build.json', '', 'svc/conf/build.json')).toContain(
      'svc/conf/build.json#compilerOptions.outDir',
    );
    expect(whereOf('builtin cd $DIR && tsc -p build.json', '', 'svc/conf/build.json')).toEqual([UNKNOWN]);
  });

  it.each(['command -x ./build.sh', 'exec -a name ./build.sh', 'env - ./build.sh', 'env -i ./build.sh'])(
    '%j: an option not read fails closed',
    (build) => {
      expect(whereOf(build)).toEqual([UNKNOWN]);
    },
  );

  it('`command -v` only prints how a name is found and runs nothing', () => {
    expect(whereOf('command -v tsc >/dev/null && tsc')).toEqual([]);
    expect(wrappedCommand(shellCommands('command -pv ./build.sh')[0] ?? [])).toEqual({ runs: 'nothing' });
  });

  it('a word that is no wrapper is left as it is', () => {
    const words = shellCommands('tsc -p build.json')[0] ?? [];
    expect(wrappedCommand(words)).toEqual({ runs: 'command', words });
  });
});
