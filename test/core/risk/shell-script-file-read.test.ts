// Issue #9: a script that runs a shell script file (`bash scripts/build.sh`, `./build.sh`, `. env.sh`)
// has the file's commands read, from the change or the reviewed base, with the rules of package
// scripts (tsc options, cd); one that cannot be read, is too large or runs with another interpreter
// is not low. Commands inside `$(…)` and backticks are read too.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { MAX_SHELL_FILE_LENGTH } from '../../../src/core/risk/compiler-project-arguments.js';
import { readReviewedBase, type BaseFileReader } from '../../../src/pipeline/risk/read-reviewed-base.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

const whereOf = (files: Record<string, string>, base: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base: Object.entries(base).map(([path, content]) => ({ path, content })),
  }).reasons.map((reason) => reason.where);

describe('a script running a shell script file', () => {
  it.each([
    ['bash scripts/build.sh', 'svc/scripts/build.sh', 'set -euo pipefail\ntsc -p build.json\n'],
    ['sh -e ./build.sh', 'svc/build.sh', '#!/bin/sh\n# build\nnpx tsc --project build.json\n'],
    ['./build.sh', 'svc/build.sh', '#!/usr/bin/env bash\nif true; then\n  tsc -p build.json\nfi\n'],
    // The `cd` may fail, so ./build.sh is looked for in svc/ too (absent: unknown, also not low).
    ['cd tools && ./build.sh', 'svc/tools/build.sh', 'cd ..\ntsc -p build.json\n'],
    ['. ./env.sh && echo done', 'svc/env.sh', 'OUT=$(tsc -p build.json)\n'],
    // An option's value is no file name (`-o pipefail`, bash's `-O extglob`).
    ['bash -o pipefail scripts/build.sh', 'svc/scripts/build.sh', 'tsc -p build.json\n'],
    ['sh +x -o errexit -O extglob -- build.sh', 'svc/build.sh', 'tsc -p build.json\n'],
  ])('%j: the file it runs is read, and the configuration it names is judged', (build, shellPath, shell) => {
    expect(
      whereOf({ 'svc/build.json': OUTSIDE }, { 'svc/package.json': manifest(build), [shellPath]: shell }),
    ).toContain('svc/build.json#compilerOptions.outDir');
  });

  it('a file it runs that names another configuration leaves the changed file low (the file was read)', () => {
    const base = { 'svc/package.json': manifest('bash build.sh'), 'svc/build.sh': 'tsc -p tsconfig.json\n' };
    expect(whereOf({ 'svc/build.json': OUTSIDE }, base)).toEqual([]);
  });

  it('the change’s own shell file is read, and a file it runs in turn (bounded nesting)', () => {
    const base = { 'svc/package.json': manifest('sh build.sh') };
    expect(
      whereOf(
        { 'svc/build.json': OUTSIDE, 'svc/build.sh': 'sh ./inner.sh\n', 'svc/inner.sh': 'tsc -p build.json' },
        base,
      ),
    ).toEqual(['svc/build.json#compilerOptions.outDir']);
    // A file running itself ends at the nesting bound, unknown: not low.
    expect(whereOf({ 'svc/build.json': '{}', 'svc/build.sh': 'sh build.sh\n' }, base)).toEqual([
      'svc/package.json#scripts.build',
    ]);
  });

  it.each([
    ['a file not read', {}],
    ['a file too large to read', { 'svc/build.sh': `# ${'x'.repeat(MAX_SHELL_FILE_LENGTH)}\n` }],
    [
      'a file run by its path with another interpreter',
      { 'svc/build.sh': '#!/usr/bin/env node\nrequire("x")\n' },
    ],
    [
      'a file whose name the shell expands',
      { 'svc/build.sh': 'tsc\n', 'svc/package.json': manifest('sh $BUILD') },
    ],
    ['a file outside the repository', { 'svc/package.json': manifest('sh ../../x.sh') }],
  ])('%s is unknown: a changed file that may be a configuration is not low', (_, extra) => {
    const build = 'svc/package.json' in extra ? '' : './build.sh';
    const base = { 'svc/package.json': manifest(build), ...extra };
    expect(whereOf({ 'svc/build.json': '{}' }, base)).toEqual(['svc/package.json#scripts.build']);
  });

  it('a shell reading its input is unknown; the word sh as an argument is not a shell', () => {
    expect(
      whereOf({ 'svc/build.json': '{}' }, { 'svc/package.json': manifest('cat build.txt | sh') }),
    ).toEqual(['svc/package.json#scripts.build']);
    expect(whereOf({ 'svc/build.json': '{}' }, { 'svc/package.json': manifest('echo sh') })).toEqual([]);
  });

  it('commands inside $(…) and backticks of a package script are read', () => {
    for (const build of [
      'echo $(tsc -p build.json)',
      'echo "`tsc -p build.json`"',
      'X=${A:-$(tsc -p build.json)}',
    ])
      expect(whereOf({ 'svc/build.json': OUTSIDE }, { 'svc/package.json': manifest(build) })).toEqual([
        'svc/build.json#compilerOptions.outDir',
      ]);
    // Single quotes keep it text.
    expect(
      whereOf({ 'svc/build.json': OUTSIDE }, { 'svc/package.json': manifest("echo '$(tsc -p build.json)'") }),
    ).toEqual([]);
  });
});

describe('readReviewedBase: the shell script files scripts run', () => {
  it('reads them at the base, level by level, only when the change has a file a script may give the compiler', async () => {
    const repository: Record<string, string> = {
      'svc/package.json': manifest('bash scripts/build.sh'),
      'svc/scripts/build.sh': '. ./scripts/env.sh\ntsc -p conf/build.json\n',
      'svc/scripts/env.sh': 'export A=1\n',
    };
    const reads: string[] = [];
    const read: BaseFileReader = async (path) => {
      reads.push(path);
      return repository[path];
    };
    read.list = async () => Object.keys(repository);
    const files = [{ path: 'svc/conf/build.json', content: OUTSIDE }];
    const base = await readReviewedBase({ paths: files.map((file) => file.path), files, read });
    expect(reads).toEqual(expect.arrayContaining(['svc/scripts/build.sh', 'svc/scripts/env.sh']));
    const risk = classifyRisk({
      files: files.map((file) => ({ ...file, role: 'config' as const })),
      targetEnvironment: 'staging',
      production: false,
      base,
    });
    expect(risk.reasons.map((reason) => reason.where)).toEqual([
      'svc/conf/build.json#compilerOptions.outDir',
    ]);

    reads.length = 0;
    await readReviewedBase({
      paths: ['svc/src/index.ts'],
      files: [{ path: 'svc/src/index.ts', content: 'export const a = 1;\n' }],
      read,
    });
    expect(reads).toEqual([]);
  });
});
