// Attacker pass 9p (test-only) on the base tree listing for risk (readReviewedBase's readElsewhere,
// baseSettingsPaths, unlistedBaseRisks): a settings file in a sibling folder of the base that names
// a file of the change — a script's `tsc -p ../conf/build.json` or a `cd ../conf`, a shell script
// file it runs by `../`, a tsconfig/jsconfig `extends` (a string or an array) — must make the changed
// configuration judged. Attacked also: paths with spaces, `#` and `?`, a `Package.json` in another
// case, a folder named like node_modules, and TypeScript's `extends` without `.json`, which tries
// the path as written first (TypeScript's getExtendsConfigPath; checked with tsc 5.9 --showConfig:
// `"extends": "../tsconfig.base"` reads a file `tsconfig.base` before `tsconfig.base.json`), so a
// new extensionless file shadows the reviewed `.json` one. Refused too: a listing GitHub cut short
// and one with more settings files than are read (not low), manifests under node_modules.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { IncompleteListError } from '../../../src/github/read-all-pages.js';
import {
  MAX_ELSEWHERE_SETTINGS,
  readReviewedBase,
  type BaseFileReader,
} from '../../../src/pipeline/risk/read-reviewed-base.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (scripts: Record<string, string>) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', scripts });

/** A reader over `repository` that lists it whole (or as `list` says). */
function readerOf(
  repository: Record<string, string>,
  list: () => Promise<readonly string[]> = async () => Object.keys(repository),
): BaseFileReader {
  const read: BaseFileReader = async (path) => repository[path];
  read.list = list;
  return read;
}

/** The reasons' places for a change writing `files` over a base holding `repository`. */
async function whereOf(
  files: Record<string, string>,
  repository: Record<string, string>,
  read: BaseFileReader = readerOf(repository),
): Promise<string[]> {
  const changed = Object.entries(files).map(([path, content]) => ({ path, content }));
  const base = await readReviewedBase({ paths: Object.keys(files), files: changed, read });
  return classifyRisk({
    files: changed.map((file) => ({ ...file, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base,
  }).reasons.map((reason) => reason.where);
}

describe('settings in a sibling folder naming a file of the change (refused attacks)', () => {
  it.each([
    ['a script’s tsc -p ../', { 'web/package.json': manifest({ build: 'tsc -p ../conf/build.json' }) }],
    ['a script’s cd ../conf', { 'web/package.json': manifest({ build: 'cd ../conf && tsc -p build.json' }) }],
    [
      'a shell script file run by ../',
      {
        'web/package.json': manifest({ build: 'sh ../tools/build.sh' }),
        'tools/build.sh': 'tsc -p ../conf/build.json\n',
      },
    ],
    [
      'a Package.json in another case',
      { 'web/Package.json': manifest({ build: 'tsc -p ../conf/build.json' }) },
    ],
    [
      'a folder with a space, # and ?',
      { 'web app/#1?/package.json': manifest({ build: 'tsc -p "../../conf/build.json"' }) },
    ],
    [
      'a folder named node_modules2',
      { 'node_modules2/package.json': manifest({ build: 'tsc -p ../conf/build.json' }) },
    ],
  ])('%s: the changed configuration is judged', async (_, repository) => {
    expect(await whereOf({ 'conf/build.json': OUTSIDE }, repository)).toContain(
      'conf/build.json#compilerOptions.outDir',
    );
  });

  it.each([
    ['a jsconfig.json', { 'web/jsconfig.json': '{"extends":"../conf/base.json"}' }],
    [
      'an extends array',
      { 'web/tsconfig.json': '{"extends":["./a.json","../conf/base.json"]}', 'web/a.json': '{}' },
    ],
    [
      'a tsconfig.build.json a script names',
      {
        'web/tsconfig.build.json': '{"extends":"../conf/base.json"}',
        'web/package.json': manifest({ build: 'tsc -p tsconfig.build.json' }),
      },
    ],
  ])('%s extending ../conf/base.json: judged', async (_, repository) => {
    expect(await whereOf({ 'conf/base.json': OUTSIDE }, repository)).toContain(
      'conf/base.json#compilerOptions.outDir',
    );
  });
});

describe('`extends` without .json: the path as written is read first', () => {
  it('fixed FAULT: a new root `tsconfig.base` shadows the reviewed tsconfig.base.json a sibling tsconfig extends as ../tsconfig.base, yet is low', async () => {
    const repository = {
      'tsconfig.base.json': '{"compilerOptions":{"strict":true}}',
      'svc/tsconfig.json': '{"extends":"../tsconfig.base"}',
      'svc/package.json': manifest({ build: 'tsc' }),
    };
    expect(await whereOf({ 'tsconfig.base': OUTSIDE }, repository)).not.toEqual([]);
  });

  it('fixed FAULT: a new `svc/tsconfig.base` beside svc/tsconfig.json (extends ./tsconfig.base) is low', async () => {
    const repository = {
      'svc/tsconfig.base.json': '{}',
      'svc/tsconfig.json': '{"extends":"./tsconfig.base"}',
      'svc/package.json': manifest({ build: 'tsc' }),
    };
    expect(await whereOf({ 'svc/tsconfig.base': OUTSIDE }, repository)).not.toEqual([]);
  });

  it('the .json file it names is judged (refused)', async () => {
    const repository = {
      'svc/tsconfig.json': '{"extends":"./tsconfig.base"}',
      'svc/package.json': manifest({ build: 'tsc' }),
    };
    expect(await whereOf({ 'svc/tsconfig.base.json': OUTSIDE }, repository)).toEqual([
      'svc/tsconfig.base.json#compilerOptions.outDir',
    ]);
  });
});

describe('a base that cannot be listed whole (refused attacks)', () => {
  const repository = { 'web/package.json': manifest({ build: 'tsc' }) };
  it.each([
    ['GitHub cut the listing short', async () => Promise.reject(new IncompleteListError('cut short'))],
    [
      `more than ${MAX_ELSEWHERE_SETTINGS} manifests in other folders`,
      async () =>
        Array.from({ length: MAX_ELSEWHERE_SETTINGS + 1 }, (_, index) => `pkg${index}/package.json`),
    ],
  ])('%s: the changed configuration is not low', async (_, list) => {
    expect(await whereOf({ 'conf/build.json': OUTSIDE }, repository, readerOf(repository, list))).toEqual([
      'conf/build.json',
    ]);
  });

  it('manifests under node_modules do not count toward the bound', async () => {
    const listing = [
      ...Array.from(
        { length: MAX_ELSEWHERE_SETTINGS + 1 },
        (_, index) => `node_modules/p${index}/package.json`,
      ),
      'web/package.json',
    ];
    expect(
      await whereOf(
        { 'conf/build.json': OUTSIDE },
        repository,
        readerOf(repository, async () => listing),
      ),
    ).toEqual([]);
  });
});
