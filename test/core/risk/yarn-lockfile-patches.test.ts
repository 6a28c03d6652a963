// Issue #9: a Yarn 2+ yarn.lock records the patches Yarn applies to a dependency's code on install
// (`patch:` resolutions). Yarn's own built-in patches (`~builtin<compat/…>` of Yarn 2 and 3,
// `optional!builtin<compat/…>` of Yarn 4, with `::version=…&hash=…`) are low; a patch file of the
// repository that the lockfile names (`~/` from its folder, a relative path from its `::locator=`
// workspace's) is judged where it is: a change writing it is not low, whichever side's lockfile names it.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';

const PATCH = 'diff --git a/index.js b/index.js\n--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-a\n+b\n';

const reasonsOf = (files: Record<string, string>, base?: readonly ReviewedBaseFile[]) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    ...(base === undefined ? {} : { base }),
  }).reasons.map((reason) => `${reason.code} ${reason.where}`);

/** A Yarn 4 lockfile with lodash from the registry and, patched, by `resolution`. */
const berry = (resolution: string): string =>
  [
    '__metadata:',
    '  version: 8',
    '  cacheKey: 10c0',
    '',
    '"lodash@npm:4.17.21":',
    '  version: 4.17.21',
    '  resolution: "lodash@npm:4.17.21"',
    '  checksum: 10c0/d8cbea',
    '  languageName: node',
    '  linkType: hard',
    '',
    `"${resolution.replace(/::version=[^&]*&hash=[^&]*&?/, '::').replace(/::$/, '')}":`,
    '  version: 4.17.21',
    `  resolution: "${resolution}"`,
    '  checksum: 10c0/aa11bb',
    '  languageName: node',
    '  linkType: hard',
    '',
  ].join('\n');

const ROOT_PATCH = 'lodash@patch:lodash@npm%3A4.17.21#~/fixes/lodash-fix.diff::version=4.17.21&hash=3a1b2c';
const WORKSPACE_PATCH =
  'lodash@patch:lodash@npm%3A4.17.21#./fixes/lodash.diff::version=4.17.21&hash=3a1b2c&locator=api%40workspace%3Apackages%2Fapi';

describe('patches a yarn.lock records', () => {
  it.each([
    ['the project root (~/)', 'yarn.lock', ROOT_PATCH, 'fixes/lodash-fix.diff'],
    ["its locator workspace's folder", 'yarn.lock', WORKSPACE_PATCH, 'packages/api/fixes/lodash.diff'],
    ['a lockfile in a subfolder', 'web/yarn.lock', WORKSPACE_PATCH, 'web/packages/api/fixes/lodash.diff'],
  ])(
    "the reviewed base's lockfile names a patch from %s that the change writes: not low",
    (_name, lock, resolution, path) => {
      const base = [{ path: lock, content: berry(resolution) }];
      expect(reasonsOf({ [path]: PATCH }, base)).toEqual([`unseen-effect ${path}`]);
      expect(reasonsOf({ 'packages/api/fixes/other.diff': PATCH }, base)).toEqual([]);
    },
  );

  it("the change's own lockfile names the patch it writes: not low, and the entry itself is not a finding", () => {
    const lock = berry(WORKSPACE_PATCH);
    expect(
      reasonsOf({ 'yarn.lock': lock, 'packages/api/fixes/lodash.diff': PATCH }, [
        { path: 'yarn.lock', content: lock },
      ]),
    ).toEqual(['unseen-effect packages/api/fixes/lodash.diff']);
  });

  it('a base lockfile that cannot be read, above a file that may be a patch, fails closed', () => {
    expect(
      reasonsOf({ 'fixes/x.txt': PATCH }, [{ path: 'yarn.lock', unreadable: 'GitHub refused' }]),
    ).toEqual(['unseen-effect yarn.lock']);
  });
});

describe("a yarn.lock's patch: resolutions", () => {
  const reasonsFor = (resolution: string) => {
    const lock = berry(resolution);
    return reasonsOf({ 'yarn.lock': lock }, [{ path: 'yarn.lock', content: lock }]);
  };

  it.each([
    [
      'Yarn 4 (optional!builtin)',
      'typescript@patch:typescript@npm%3A5.9.3#optional!builtin<compat/typescript>::version=5.9.3&hash=5786d5',
    ],
    [
      'Yarn 2 and 3 (~builtin)',
      'resolve@patch:resolve@npm%3A1.22.8#~builtin<compat/resolve>::version=1.22.8&hash=c3c19d',
    ],
    ['a patch file of the repository', ROOT_PATCH],
    ["a patch file of a workspace's folder", WORKSPACE_PATCH],
  ])('%s is not a finding at the entry', (_name, resolution) => {
    expect(reasonsFor(resolution)).toEqual([]);
  });

  it.each([
    [
      'a patch outside the repository',
      'lodash@patch:lodash@npm%3A4.17.21#../../../x.diff::version=4.17.21&hash=1',
    ],
    [
      'a patch inside a package that is not a workspace',
      'lodash@patch:lodash@npm%3A4.17.21#./x.diff::version=4.17.21&hash=1&locator=dep%40npm%3A1.0.0',
    ],
    [
      'a patch of a package from a URL',
      'lodash@patch:lodash@https%3A//evil.example/x.tgz#~/x.diff::version=1&hash=1',
    ],
    ['a patch of another package', 'lodash@patch:evil@npm%3A1.0.0#~/x.diff::version=1.0.0&hash=1'],
  ])('%s is unseen-effect at the entry', (_name, resolution) => {
    expect(
      reasonsFor(resolution).filter((reason) => reason.startsWith('unseen-effect yarn.lock#')),
    ).toHaveLength(1);
  });
});
