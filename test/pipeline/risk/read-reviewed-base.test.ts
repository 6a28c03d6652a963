import { describe, expect, it } from '@jest/globals';
import { MAX_BASE_FILE_LENGTH, readReviewedBase } from '../../../src/pipeline/risk/read-reviewed-base.js';

describe('readReviewedBase', () => {
  it('reads only lockfiles and manifests, leaves out the ones the base lacks, and never throws', async () => {
    const read = async (path: string) => {
      if (path === 'a/package-lock.json') return '{"lockfileVersion":3}';
      if (path === 'b/npm-shrinkwrap.json') return undefined;
      if (path === 'c/package-lock.json') throw new Error('HttpError: Bad credentials\n  at x');
      if (path === 'd/package-lock.json') return '';
      if (path === 'e/package-lock.json') return 'x'.repeat(MAX_BASE_FILE_LENGTH + 1);
      throw new Error(`read ${path}`);
    };
    expect(
      await readReviewedBase({
        paths: [
          'template.yaml',
          'a/package-lock.json',
          'b/npm-shrinkwrap.json',
          'c/package-lock.json',
          'd/package-lock.json',
          'e/package-lock.json',
        ],
        read,
      }),
    ).toEqual([
      { path: 'a/package-lock.json', content: '{"lockfileVersion":3}' },
      { path: 'c/package-lock.json', unreadable: 'HttpError: Bad credentials at x' },
      { path: 'd/package-lock.json', unreadable: 'it is empty' },
      { path: 'e/package-lock.json', unreadable: 'it is too large to read' },
    ]);
  });

  it('reads yarn and pnpm lockfiles too, whose install scripts are judged against the base as npm’s are, and package.json (its dependencies already reviewed are not new)', async () => {
    const read = async (path: string) => `base of ${path}`;
    expect(
      await readReviewedBase({
        paths: [
          'api/yarn.lock',
          'web/pnpm-lock.yaml',
          'api/package.json',
          'api/yarn.lock.bak',
          'api/package.json5',
        ],
        read,
      }),
    ).toEqual([
      { path: 'api/yarn.lock', content: 'base of api/yarn.lock' },
      { path: 'web/pnpm-lock.yaml', content: 'base of web/pnpm-lock.yaml' },
      { path: 'api/package.json', content: 'base of api/package.json' },
      // api/package.json5 may be a configuration a script passes tsc: the manifests above it are read,
      // and, a JSON file a base tsconfig may extend, the TypeScript configurations above it.
      { path: 'package.json', content: 'base of package.json' },
      // A reader that cannot list the base leaves the settings of other folders unknown.
      { path: '', unreadable: 'the base branch could not be listed' },
      { path: 'tsconfig.json', content: 'base of tsconfig.json' },
      { path: 'jsconfig.json', content: 'base of jsconfig.json' },
      { path: 'api/tsconfig.json', content: 'base of api/tsconfig.json' },
      { path: 'api/jsconfig.json', content: 'base of api/jsconfig.json' },
    ]);
  });

  it('reads the package.json above every file no rule knows as a configuration, whose scripts may pass it to tsc -p, root first', async () => {
    const reads: string[] = [];
    const base = await readReviewedBase({
      paths: [
        'svc/config/build.json',
        'svc/package.json',
        'svc/src/index.ts',
        'infra/template.yaml',
        'tools/build.cfg',
      ],
      read: async (path) => {
        reads.push(path);
        return path === 'package.json' ? undefined : `base of ${path}`;
      },
    });
    // A JSON file or one of any other kind (`tsc -p build.cfg` reads whatever it is given) may be
    // one; source and template files (`index.ts`, `template.yaml`) are not read as one.
    expect(reads).toEqual([
      'svc/package.json',
      'package.json',
      'tools/package.json',
      'svc/config/package.json',
      // Above the JSON file and build.cfg (a base tsconfig or jsconfig may extend either: tsc reads
      // an `extends` path as written before adding .json), not above index.ts.
      'tsconfig.json',
      'jsconfig.json',
      'svc/tsconfig.json',
      'svc/jsconfig.json',
      'tools/tsconfig.json',
      'tools/jsconfig.json',
      'svc/config/tsconfig.json',
      'svc/config/jsconfig.json',
    ]);
    expect(base).toEqual([
      { path: 'svc/package.json', content: 'base of svc/package.json' },
      { path: 'tools/package.json', content: 'base of tools/package.json' },
      { path: 'svc/config/package.json', content: 'base of svc/config/package.json' },
      { path: '', unreadable: 'the base branch could not be listed' },
      { path: 'tsconfig.json', content: 'base of tsconfig.json' },
      { path: 'jsconfig.json', content: 'base of jsconfig.json' },
      { path: 'svc/tsconfig.json', content: 'base of svc/tsconfig.json' },
      { path: 'svc/jsconfig.json', content: 'base of svc/jsconfig.json' },
      { path: 'tools/tsconfig.json', content: 'base of tools/tsconfig.json' },
      { path: 'tools/jsconfig.json', content: 'base of tools/jsconfig.json' },
      { path: 'svc/config/tsconfig.json', content: 'base of svc/config/tsconfig.json' },
      { path: 'svc/config/jsconfig.json', content: 'base of svc/config/jsconfig.json' },
    ]);
  });

  it("with the change's files, reads the manifests above a source file written as a configuration, and the manifests, pnpm workspace files and yarn lockfiles above a patch, whatever their names", async () => {
    const reads: string[] = [];
    const base = await readReviewedBase({
      paths: ['svc/src/x.ts', 'svc/src/index.ts', 'fixes/lodash.txt'],
      files: [
        { path: 'svc/src/x.ts', content: '// named by tsc -p\n{"compilerOptions": {"outDir": "/tmp"}}' },
        { path: 'svc/src/index.ts', content: 'export const a = 1;\n' },
        { path: 'fixes/lodash.txt', content: '--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-a\n+b\n' },
      ],
      read: async (path) => {
        reads.push(path);
        return path === 'pnpm-workspace.yaml' ? 'patchedDependencies: {}\n' : undefined;
      },
    });
    // Ordinary source (`index.ts`) reads nothing above it.
    expect(reads).toEqual([
      'package.json',
      'fixes/package.json',
      'svc/package.json',
      'svc/src/package.json',
      'pnpm-workspace.yaml',
      'fixes/pnpm-workspace.yaml',
      'yarn.lock',
      'fixes/yarn.lock',
    ]);
    expect(base).toEqual([
      { path: '', unreadable: 'the base branch could not be listed' },
      { path: 'pnpm-workspace.yaml', content: 'patchedDependencies: {}\n' },
    ]);
  });

  it('reads at most 32 manifests above such files; the rest are unreadable', async () => {
    const paths = Array.from({ length: 33 }, (_, index) => `s${index}/build.cfg`);
    const base = await readReviewedBase({ paths, read: async () => '{}' });
    // The root's and 33 folders' manifests: 32 read, the last two in order unreadable; and the
    // other folders' settings unknown (this reader cannot list the base).
    expect(base[0]).toEqual({ path: 'package.json', content: '{}' });
    expect(base.slice(32, 35)).toEqual([
      { path: 's8/package.json', unreadable: 'more than 32 files to read' },
      { path: 's9/package.json', unreadable: 'more than 32 files to read' },
      { path: '', unreadable: 'the base branch could not be listed' },
    ]);
  });

  it('reads at most 16 files; the rest are unreadable', async () => {
    const paths = Array.from({ length: 18 }, (_, index) => `s${index}/package-lock.json`);
    const reads: string[] = [];
    const base = await readReviewedBase({
      paths,
      read: async (path) => {
        reads.push(path);
        return '{}';
      },
    });
    expect(reads).toHaveLength(16);
    expect(base.slice(16)).toEqual([
      { path: 's16/package-lock.json', unreadable: 'more than 16 files to read' },
      { path: 's17/package-lock.json', unreadable: 'more than 16 files to read' },
    ]);
  });

  it("with the deployed template's path, reads it at the base and the nested templates it names, level by level", async () => {
    const files: Record<string, string> = {
      'infra/template.yaml':
        'Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: nested/a.yaml\n  Out:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ../../outside.yaml\n',
      'infra/nested/a.yaml':
        'Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./b.yaml\n',
    };
    const asked: string[] = [];
    const read = async (path: string) => {
      asked.push(path);
      if (path === 'infra/nested/b.yaml') throw new Error('GitHub answered 502');
      return files[path];
    };
    expect(
      await readReviewedBase({ paths: ['infra/nested/b.yaml'], read, templatePath: './infra/template.yaml' }),
    ).toEqual([
      { path: 'infra/template.yaml', content: files['infra/template.yaml'] },
      { path: 'infra/nested/a.yaml', content: files['infra/nested/a.yaml'] },
      { path: 'infra/nested/b.yaml', unreadable: 'GitHub answered 502' },
    ]);
    expect(asked).toEqual(['infra/template.yaml', 'infra/nested/a.yaml', 'infra/nested/b.yaml']);
  });

  it("reads the deployed template at the base when the change writes only it: the stack's existing resources (data-expiry)", async () => {
    const asked: string[] = [];
    const read = async (path: string) => {
      asked.push(path);
      return path === 'infra/template.yaml'
        ? 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n'
        : undefined;
    };
    expect(
      await readReviewedBase({ paths: ['infra/template.yaml'], read, templatePath: 'infra/template.yaml' }),
    ).toEqual([
      { path: 'infra/template.yaml', content: 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n' },
    ]);
    expect(asked).toEqual(['infra/template.yaml']);
    // A change with no template reads none.
    asked.length = 0;
    expect(
      await readReviewedBase({ paths: ['src/handler.ts'], read, templatePath: 'infra/template.yaml' }),
    ).toEqual([]);
    expect(asked).not.toContain('infra/template.yaml');
  });

  it('reads the tsconfig.json above a changed JSON file and, level by level, what they extend (not what the change writes)', async () => {
    const base: Record<string, string> = {
      'svc/tsconfig.json': JSON.stringify({ extends: './base' }),
      'svc/base.json': JSON.stringify({ extends: ['./strict.json', './settings/compiler.json'] }),
      'svc/strict.json': JSON.stringify({ extends: '@tsconfig/node20' }),
    };
    const reads: string[] = [];
    const files = await readReviewedBase({
      paths: ['svc/settings/compiler.json'],
      read: async (path) => {
        reads.push(path);
        if (path === 'svc/settings/tsconfig.json') throw new Error('HttpError: Bad Gateway');
        return base[path];
      },
    });
    expect(reads.filter((path) => !path.endsWith('package.json'))).toEqual([
      'tsconfig.json',
      'jsconfig.json',
      'svc/tsconfig.json',
      'svc/jsconfig.json',
      'svc/settings/tsconfig.json',
      'svc/settings/jsconfig.json',
      'svc/base',
      'svc/base.json',
      'svc/strict.json',
    ]);
    expect(files).toEqual(
      expect.arrayContaining([
        { path: 'svc/tsconfig.json', content: base['svc/tsconfig.json'] },
        { path: 'svc/base.json', content: base['svc/base.json'] },
        { path: 'svc/settings/tsconfig.json', unreadable: 'HttpError: Bad Gateway' },
      ]),
    );
  });

  it('reads the configurations the base scripts name to tsc, and what they extend', async () => {
    const base: Record<string, string> = {
      'svc/package.json': JSON.stringify({ scripts: { build: 'tsc -p tsconfig.build.json && tsc -b conf' } }),
      'svc/tsconfig.build.json': JSON.stringify({ extends: './shared.json' }),
      'svc/conf/tsconfig.json': JSON.stringify({}),
    };
    const reads: string[] = [];
    const files = await readReviewedBase({
      paths: ['svc/settings/compiler.json'],
      read: async (path) => {
        reads.push(path);
        return base[path];
      },
    });
    expect(reads).toEqual(
      expect.arrayContaining(['svc/tsconfig.build.json', 'svc/conf/tsconfig.json', 'svc/shared.json']),
    );
    expect(files).toContainEqual({
      path: 'svc/tsconfig.build.json',
      content: base['svc/tsconfig.build.json'],
    });
  });

  it('reads no TypeScript configuration for a change without a JSON file other rules do not read', async () => {
    const reads: string[] = [];
    await readReviewedBase({
      paths: [
        'svc/src/index.ts',
        'svc/tsconfig.json',
        'svc/package.json',
        'svc/package-lock.json',
        'README.md',
      ],
      read: async (path) => {
        reads.push(path);
        return undefined;
      },
    });
    expect(reads).toEqual(['svc/package.json', 'svc/package-lock.json']);
  });

  it('reads at most 32 TypeScript configurations; the rest are unreadable', async () => {
    const paths = Array.from({ length: 40 }, (_, index) => `s${index}/c.json`);
    const files = await readReviewedBase({ paths, read: async () => undefined });
    const configs = files.filter((file) => file.path.endsWith('tsconfig.json'));
    expect(configs.length).toBeGreaterThan(0);
    expect(configs.every((file) => 'unreadable' in file)).toBe(true);
  });
});
