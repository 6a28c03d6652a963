// Attacker pass 9p (test-only) on the shell script files a package script runs
// (compiler-project-arguments.ts `shellFileRun`/`readShellFile`, shell-commands.ts `shellCommands`):
// a script or a file it runs that points tsc at a changed file (`tsc -p build.json`, whose outDir
// writes over the runner's checkout of an action) must make the change not low. Attacked: quoting
// the reader does not know (heredoc bodies with an apostrophe, bash's $'…'), commands that run
// another command as their argument (`find -exec`, `xargs`, `concurrently`), wrappers that run a
// file by its path (`exec`, `env`, `cross-env`, `time`, `nohup`), a file run by a path without ./
// or .sh (`script/build`), and a line continuation between `--project` and its file. Refused: `bash -x`, `if … then sh x.sh`, a
// subshell, a shell reading a heredoc, `source` with arguments, a function given `$1`.
// A FAULT asks only that the change is not low: reading the file right (the configuration judged)
// or failing closed (the script unknown) both answer it.
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

describe('quoting the shell reader does not know hides the commands after it', () => {
  it('fixed FAULT: an apostrophe in a heredoc body swallows the tsc line after the heredoc', () => {
    const file = [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'cat <<EOF',
      "Building the service's bundle",
      'EOF',
      'tsc -p build.json',
      '',
    ].join('\n');
    expect(whereOf('./build.sh', file)).not.toEqual([]);
  });

  it("fixed FAULT: bash's $'…' quoting (an escaped quote inside) swallows the tsc line after it", () => {
    const file = "#!/usr/bin/env bash\necho $'Don\\'t edit the output folder'\ntsc -p build.json\n";
    expect(whereOf('./build.sh', file)).not.toEqual([]);
  });
});

describe('a line continuation in a shell script file', () => {
  it('fixed FAULT: `--project \\` then the file on the next line: the continuation is read as an empty word, taken as the project', () => {
    expect(whereOf('bash build.sh', 'npx tsc \\\n  --project \\\n    build.json\n')).not.toEqual([]);
  });

  it('`tsc \\` then `-p build.json` on the next line is read (refused)', () => {
    expect(whereOf('bash build.sh', 'tsc \\\n  -p build.json\n')).toContain(JUDGED);
  });
});

describe('a command given to another command as its arguments', () => {
  it('fixed FAULT: concurrently runs each argument as a shell command; "tsc -p build.json" there is not read', () => {
    expect(whereOf('concurrently "tsc -p build.json --watch" "node server.js"')).not.toEqual([]);
  });

  it('fixed FAULT: find -exec tsc -p {} runs tsc on files found at run time, but is read as the literal {}', () => {
    // Not low: which configuration tsc is given is chosen by `find` at run time.
    expect(whereOf("find . -name 'build.json' -exec tsc -p {} \\;")).not.toEqual([]);
  });

  it('fixed FAULT: xargs tsc -p takes its project from its input, but is read as naming none', () => {
    expect(whereOf('ls build.json | xargs -n1 tsc -p')).not.toEqual([]);
  });
});

describe('a shell script file run through a wrapper command', () => {
  it.each([
    'exec ./build.sh',
    'env NODE_ENV=production ./build.sh',
    'cross-env NODE_ENV=production ./build.sh',
    'time ./build.sh',
    'nohup ./build.sh',
  ])('fixed FAULT: %j runs ./build.sh, whose tsc -p build.json is not read (changed file low)', (build) => {
    expect(whereOf(build, '#!/bin/sh\ntsc -p build.json\n')).not.toEqual([]);
  });
});

describe('a shell script file run by a path without ./ or .sh', () => {
  it('fixed FAULT: `script/build` (the "Scripts to Rule Them All" layout; the shell runs a name with a slash as a path) is not read', () => {
    const result = classifyRisk({
      files: [{ path: 'svc/build.json', content: OUTSIDE, role: 'config' as const }],
      targetEnvironment: 'staging',
      production: false,
      base: [
        { path: 'svc/package.json', content: manifest('script/build') },
        { path: 'svc/script/build', content: '#!/bin/sh\nset -e\ntsc -p build.json\n' },
      ],
    });
    expect(result.reasons.map((reason) => reason.where)).not.toEqual([]);
  });
});

describe('forms the reader follows (refused attacks)', () => {
  it.each([
    'bash -x build.sh',
    'if [ -f build.sh ]; then sh build.sh; fi',
    '[ -x build.sh ] && ./build.sh',
    '(./build.sh)',
    'NODE_ENV=production ./build.sh',
  ])('%j: the file is read and the configuration judged', (build) => {
    expect(whereOf(build, '#!/bin/sh\ntsc -p build.json\n')).toContain(JUDGED);
  });

  it('a shell reading a heredoc is not low', () => {
    expect(whereOf("bash <<'EOF'\ntsc -p build.json\nEOF")).not.toEqual([]);
  });

  it('a function given the project as $1 is unknown, so not low', () => {
    expect(whereOf('bash build.sh', 'compile() {\n  tsc -p "$1"\n}\ncompile build.json\n')).toEqual([
      'svc/package.json#scripts.build',
    ]);
  });
});
