// Issue #9 (fix 9f): files the install or build reads because a setting names them, whatever their
// names: a patch a pnpm-workspace.yaml's patchedDependencies names (pnpm 10 reads them there, not
// only from package.json), and a source-extension file a script names as the compiler's
// configuration (`tsc -p src/x.ts`, `esbuild --tsconfig=src/config.js`), are judged, from the
// change's files or the reviewed base's.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { mayBeNamedConfigFile } from '../../../src/core/risk/compiler-config-risks.js';
import { mayBePatchFile } from '../../../src/core/risk/patched-dependency-file-risks.js';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';

const PATCH = 'diff --git a/index.js b/index.js\n--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-a\n+b\n';
const reasonsOf = (files: Record<string, string>, base?: readonly ReviewedBaseFile[]) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    ...(base === undefined ? {} : { base }),
  }).reasons;
const wheres = (files: Record<string, string>, base?: readonly ReviewedBaseFile[]) =>
  reasonsOf(files, base).map((reason) => reason.where);

describe('a patch named by pnpm-workspace.yaml', () => {
  const workspace = 'packages:\n  - svc\npatchedDependencies:\n  lodash@4.17.21: fixes/lodash.diff\n';

  it("the reviewed base's workspace file names the patch the change writes: not low", () => {
    const reasons = reasonsOf({ 'fixes/lodash.diff': PATCH }, [
      { path: 'pnpm-workspace.yaml', content: workspace },
    ]);
    expect(reasons.map((reason) => [reason.code, reason.where])).toEqual([
      ['unseen-effect', 'fixes/lodash.diff'],
    ]);
    expect(reasons[0]?.message).toContain("pnpm-workspace.yaml's patchedDependencies name");
  });

  it("the change's own workspace file names it, read from the workspace's folder", () => {
    expect(wheres({ 'web/pnpm-workspace.yaml': workspace, 'web/fixes/lodash.diff': PATCH })).toContain(
      'web/fixes/lodash.diff',
    );
  });

  it('a name hidden behind an anchor and merge key, or in any case of the file name, still counts', () => {
    const anchored = 'x: &p\n  a@1.0.0: ./notes.md\npatchedDependencies:\n  <<: *p\n';
    expect(wheres({ 'notes.md': PATCH }, [{ path: 'PNPM-Workspace.yaml', content: anchored }])).toEqual([
      'notes.md',
    ]);
  });

  it('the change replaces the base workspace file: the base one names nothing of it', () => {
    const renamed = 'patchedDependencies:\n  lodash@4.17.21: other.diff\n';
    expect(
      wheres({ 'pnpm-workspace.yaml': renamed, 'fixes/lodash.diff': PATCH }, [
        { path: 'pnpm-workspace.yaml', content: workspace },
      ]),
    ).not.toContain('fixes/lodash.diff');
  });

  it('a base workspace file that could not be read or parsed, above a file that may be a patch, is not low', () => {
    for (const file of [
      { path: 'pnpm-workspace.yaml', unreadable: 'GitHub answered 502' },
      { path: 'pnpm-workspace.yaml', content: 'patchedDependencies: [unclosed\n' },
      { path: 'pnpm-workspace.yaml', content: `${'a: b\n'.repeat(250_000)}` },
    ]) {
      const reasons = reasonsOf({ 'fixes/lodash.diff': PATCH }, [file]);
      expect(reasons.map((reason) => [reason.code, reason.where])).toEqual([
        ['unseen-effect', 'pnpm-workspace.yaml'],
      ]);
      expect(reasons[0]?.message).toContain('fixes/lodash.diff');
    }
  });

  it('controls: a file it does not name, a name leaving the repository, and no patch under an unread file stay low', () => {
    const base = [{ path: 'pnpm-workspace.yaml', content: workspace }];
    expect(wheres({ 'fixes/other.diff': PATCH }, base)).toEqual([]);
    expect(
      wheres({ 'fixes/lodash.diff': PATCH }, [
        {
          path: 'svc/pnpm-workspace.yaml',
          content: 'patchedDependencies:\n  a@1: ../../fixes/lodash.diff\n',
        },
      ]),
    ).toEqual([]);
    expect(
      wheres({ 'notes.txt': 'plain notes' }, [{ path: 'pnpm-workspace.yaml', unreadable: 'x' }]),
    ).toEqual([]);
  });

  it.each([
    ['the manifest folder', 'patch:lodash@npm%3A4.17.21#./fixes/lodash.diff', 'svc/fixes/lodash.diff'],
    ['the project root (~/)', 'patch:lodash@npm%3A4.17.21#~/fixes/lodash.diff', 'fixes/lodash.diff'],
    [
      'an encoded path among several, with parameters',
      'patch:lodash@npm%3A4.17.21#./a.diff&optional!./fixes%2Flodash.diff::version=4.17.21&hash=1',
      'svc/fixes/lodash.diff',
    ],
  ])("a Yarn patch: range in the base's manifest names a patch from %s: not low", (_name, range, path) => {
    const base = [{ path: 'svc/package.json', content: JSON.stringify({ resolutions: { lodash: range } }) }];
    expect(wheres({ [path]: PATCH }, base)).toEqual([path]);
    expect(wheres({ 'svc/fixes/other.diff': PATCH }, base)).toEqual([]);
  });

  it('mayBePatchFile: a unified diff by its text, whatever its name', () => {
    expect(mayBePatchFile({ path: 'a.txt', content: PATCH })).toBe(true);
    expect(
      mayBePatchFile({ path: 'a.txt', content: 'diff --git a/x b/x\nold mode 100644\nnew mode 100755\n' }),
    ).toBe(true);
    expect(mayBePatchFile({ path: 'a.diff', content: 'export const a = 1;\n' })).toBe(false);
  });
});

describe('a source-extension file named as a compiler configuration', () => {
  const manifest = (script: string) => JSON.stringify({ name: 'svc', scripts: { build: script } });
  const outside = JSON.stringify({ compilerOptions: { outDir: '/home/runner/work/_actions/x' } });

  it.each([
    ['tsc -p src/x.ts', 'svc/src/x.ts'],
    ['esbuild src/index.ts --bundle --tsconfig src/config.js', 'svc/src/config.js'],
    ['esbuild src/index.ts --bundle --tsconfig=./src/config.mjs', 'svc/src/config.mjs'],
  ])("named by the change's script (%s), it is judged as a tsconfig", (script, path) => {
    expect(wheres({ 'svc/package.json': manifest(script), [path]: outside })).toContain(
      `${path}#compilerOptions.outDir`,
    );
  });

  it("named by the reviewed base's script, it is judged as a tsconfig", () => {
    expect(
      wheres({ 'svc/src/x.ts': outside }, [
        { path: 'svc/package.json', content: manifest('tsc -p src/x.ts') },
      ]),
    ).toEqual(['svc/src/x.ts#compilerOptions.outDir']);
  });

  it("valid TypeScript tsc still reads settings from, named by the base's script, fails closed", () => {
    const reasons = reasonsOf(
      { 'svc/src/x.ts': 'const a = 1;\n({"compilerOptions": {"outDir": "/tmp/x"}})' },
      [{ path: 'svc/package.json', content: manifest('tsc -p src/x.ts') }],
    );
    expect(reasons.map((reason) => [reason.code, reason.where])).toEqual([['unseen-effect', 'svc/src/x.ts']]);
  });

  it('one that cannot be parsed as a configuration fails closed, saying why', () => {
    const reasons = reasonsOf({
      'svc/package.json': manifest('tsc -p src/x.ts'),
      'svc/src/x.ts': '{ "compilerOptions": { "outDir": "/tmp/x" } } export const a = 1;',
    });
    const reason = reasons.find((each) => each.where === 'svc/src/x.ts');
    expect(reason?.code).toBe('unseen-effect');
    expect(reason?.message).toContain('cannot be read');
  });

  it('a base manifest that could not be read, above a source file written as a configuration, is not low', () => {
    expect(
      wheres({ 'svc/src/x.ts': outside }, [{ path: 'svc/package.json', unreadable: 'GitHub answered 502' }]),
    ).toEqual(['svc/package.json']);
    // Ordinary source is no configuration: an unread manifest above it says nothing.
    expect(
      wheres({ 'svc/src/x.ts': 'export const a = 1;\n' }, [
        { path: 'svc/package.json', unreadable: 'GitHub answered 502' },
      ]),
    ).toEqual([]);
  });

  it('mayBeNamedConfigFile: source whose text opens an object past comments, or any non-source file', () => {
    expect(
      mayBeNamedConfigFile({ path: 'src/x.ts', content: '\uFEFF// a\n/* b */\n  {"compilerOptions": {}}' }),
    ).toBe(true);
    expect(mayBeNamedConfigFile({ path: 'src/x.ts', content: 'import a from "a";\n' })).toBe(false);
    // tsc's JSON reader recovers settings from valid TypeScript such as these.
    expect(
      mayBeNamedConfigFile({
        path: 'src/x.ts',
        content: 'const a = 1;\n({"compilerOptions": {"outDir": "/x"}})',
      }),
    ).toBe(true);
    expect(mayBeNamedConfigFile({ path: 'src/x.ts', content: 'x\n({"\\u0063ompilerOptions": {}})' })).toBe(
      true,
    );
    expect(mayBeNamedConfigFile({ path: 'src/x.ts', content: 'f({ include /* c */ : [] })' })).toBe(true);
    expect(mayBeNamedConfigFile({ path: 'src/x.ts', content: "const a = '\\x20';\n" })).toBe(false);
    expect(mayBeNamedConfigFile({ path: 'src/x.ts', content: '/* never closed {' })).toBe(false);
    expect(mayBeNamedConfigFile({ path: 'build.cfg', content: '' })).toBe(true);
    expect(mayBeNamedConfigFile({ path: 'svc/package.json', content: '{}' })).toBe(false);
    expect(mayBeNamedConfigFile({ path: 'svc/tsconfig.json', content: '{}' })).toBe(false);
  });
});
