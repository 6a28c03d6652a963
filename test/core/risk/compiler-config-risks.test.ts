// TypeScript configurations steering the build (issue #9, review 9k): `tsc` and esbuild read
// tsconfig.json, whose path settings can send output, module lookups or other configurations
// outside the service's folder.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { compilerConfigRisks } from '../../../src/core/risk/compiler-config-risks.js';
import { GENERATED_TSCONFIG } from '../../../src/generation/offline/project/project-files.js';

const riskOf = (files: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
  });
const wheres = (files: Record<string, string>) => riskOf(files).reasons.map((reason) => reason.where);
const tsconfig = (body: Record<string, unknown>) => JSON.stringify(body);

describe('compilerConfigRisks', () => {
  it('the generated tsconfig.json and settings inside the folder are low', () => {
    expect(riskOf({ 'svc/tsconfig.json': JSON.stringify(GENERATED_TSCONFIG) }).reasons).toEqual([]);
    expect(
      riskOf({
        'svc/tsconfig.json': tsconfig({
          extends: './tsconfig.base.json',
          compilerOptions: {
            outDir: 'dist',
            rootDir: './src',
            rootDirs: ['src', 'generated'],
            baseUrl: '.',
            paths: { '@/*': ['src/*'], '../weird/*': ['./src/weird/*'] },
            tsBuildInfoFile: '${configDir}/dist/.tsbuildinfo',
            declarationDir: 'dist/types',
            outFile: 'dist/out.js',
            plugins: [],
          },
          references: [{ path: './lib', prepend: false }],
        }),
      }).reasons,
    ).toEqual([]);
  });

  it.each([
    ['outDir', '/home/runner/work/_actions/aws-actions/configure-aws-credentials/v4/dist'],
    ['outDir', '../../other-service/dist'],
    ['outDir', 'dist/../../x'],
    ['outDir', 'C:/x'],
    ['outDir', 'dist\\..\\..\\x'],
    ['outDir', '${configDir}/../x'],
    ['outFile', '/tmp/x.js'],
    ['declarationDir', '..'],
    ['tsBuildInfoFile', '/home/runner/.npmrc'],
    ['rootDir', '/'],
    ['baseUrl', '../..'],
    ['rootDirs', ['src', '/etc']],
    ['paths', { '*': ['/home/runner/.aws/*'] }],
    ['typeRoots', ['./node_modules/@types', '../../../_actions']],
    ['types', ['node', '../../../_actions/x']],
    ['out', '/tmp/x.js'],
    ['generateTrace', '/home/runner/work/_actions/x'],
    ['generateCpuProfile', '../../x.cpuprofile'],
  ])('compilerOptions.%s = %j is not low', (setting, value) => {
    expect(wheres({ 'svc/tsconfig.json': tsconfig({ compilerOptions: { [setting]: value } }) })).toEqual([
      `svc/tsconfig.json#compilerOptions.${setting}`,
    ]);
  });

  it.each([
    ['extends', '@tsconfig/node20/tsconfig.json'],
    ['extends', 'base.json'],
    ['extends', '../tsconfig.base.json'],
    ['extends', ['./ok.json', '/tmp/evil.json']],
    ['references', [{ path: '../other' }]],
  ])('%s = %j is not low', (setting, value) => {
    expect(wheres({ 'svc/tsconfig.json': tsconfig({ [setting]: value }) })).toEqual([
      `svc/tsconfig.json#${setting}`,
    ]);
  });

  it('plugins are not low, and settings are read in any case', () => {
    expect(
      wheres({ 'svc/tsconfig.json': tsconfig({ compilerOptions: { plugins: [{ name: 'x' }] } }) }),
    ).toEqual(['svc/tsconfig.json#compilerOptions.plugins']);
    expect(wheres({ 'svc/tsconfig.json': tsconfig({ compilerOptions: { OUTDIR: '/x' } }) })).toEqual([
      'svc/tsconfig.json#compilerOptions.OUTDIR',
    ]);
  });

  it('reads JSON with comments and trailing commas, as tsc does', () => {
    const text = (outDir: string) =>
      `// the build\n{\n  /* where */ "compilerOptions": { "outDir": "${outDir}", // here\n },\n}\n`;
    expect(riskOf({ 'svc/tsconfig.json': text('dist') }).reasons).toEqual([]);
    expect(wheres({ 'svc/tsconfig.json': text('/tmp/x') })).toEqual([
      'svc/tsconfig.json#compilerOptions.outDir',
    ]);
  });

  it('a configuration that does not parse, names a key twice, or is too large, is not low', () => {
    for (const content of [
      '{ "compilerOptions": { "outDir": "dist" } /* open',
      '{ "compilerOptions": { "outDir": "dist", "outDir": "/tmp" } }',
      `{ "a": "${'x'.repeat(1_000_001)}" }`,
    ])
      expect(wheres({ 'svc/tsconfig.json': content })).toEqual(['svc/tsconfig.json']);
  });

  it('judges tsconfig.<purpose>.json and jsconfig.json by name, in any case', () => {
    for (const path of ['svc/tsconfig.build.json', 'svc/jsconfig.json', 'svc/TSConfig.json'])
      expect(wheres({ [path]: tsconfig({ compilerOptions: { outDir: '/x' } }) })).toEqual([
        `${path}#compilerOptions.outDir`,
      ]);
  });

  it('follows extends and references to files of the change, whatever their names, once', () => {
    expect(
      wheres({
        'svc/tsconfig.json': tsconfig({ extends: './base', references: [{ path: './lib' }] }),
        'svc/base.json': tsconfig({ extends: './tsconfig.json', compilerOptions: { outDir: '/x' } }),
        'svc/lib/tsconfig.json': tsconfig({ compilerOptions: { baseUrl: '../..' } }),
      }).sort(),
    ).toEqual(['svc/base.json#compilerOptions.outDir', 'svc/lib/tsconfig.json#compilerOptions.baseUrl']);
  });
});

// Issue #9 (attack 9l): `files` and `include` choose what tsc compiles into the deployed code, so
// a path there outside the folder reads the runner's files; exclude only narrows what is read.
describe('settings choosing what tsc reads', () => {
  it.each([
    ['files', ['src/index.ts', '/home/runner/.docker/config.json']],
    ['files', ['../../secret.json']],
    ['include', ['src/**/*', '../**/*']],
    ['include', ['/**/*']],
    ['include', ['**/../../x/*.js']],
    ['include', ['C:/Users/runner/**']],
    ['include', ['src\\..\\..\\**']],
    ['include', ['${configDir}/../**/*.js']],
  ])('%s = %j is not low', (setting, value) => {
    expect(wheres({ 'svc/tsconfig.json': tsconfig({ [setting]: value }) })).toEqual([
      `svc/tsconfig.json#${setting}`,
    ]);
  });

  it('files, include and references inside the folder, types naming packages, and any exclude are low', () => {
    expect(
      riskOf({
        'svc/tsconfig.json': tsconfig({
          files: ['src/index.ts', './src/env.d.ts'],
          include: ['src/**/*', '${configDir}/test/**/*.ts', 'src/a/../b/*'],
          exclude: ['../**', '/tmp', 'node_modules'],
          compilerOptions: { types: ['node', 'jest', '@types/aws-lambda'], typeRoots: ['./types'] },
        }),
      }).reasons,
    ).toEqual([]);
  });
});

// Issue #9: a configuration a package.json script passes the compiler (`tsc -p build.json`) is
// judged whatever its name, from the change's manifest or the reviewed one on the base branch.
describe('configurations named by package.json scripts', () => {
  const manifest = (scripts: Record<string, string>) => JSON.stringify({ name: 'svc', scripts });
  const outside = tsconfig({ compilerOptions: { outDir: '/home/runner/work/_actions/x' } });
  const riskWithBase = (
    files: Record<string, string>,
    base: { path: string; content?: string; unreadable?: string }[],
  ) =>
    classifyRisk({
      files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
      targetEnvironment: 'staging',
      production: false,
      base: base.map((file) =>
        file.content === undefined
          ? { path: file.path, unreadable: file.unreadable ?? 'x' }
          : { path: file.path, content: file.content },
      ),
    });

  it.each([
    ['tsc -p build.json', 'svc/build.json'],
    ['tsc --project ./config/build.json', 'svc/config/build.json'],
    ['tsc --project=config/build.json', 'svc/config/build.json'],
    ['tsc -P "build.json"', 'svc/build.json'],
    ['npx tsc -b lib/app.json other --verbose', 'svc/lib/app.json'],
    ['tsc --build --force other lib/app.json', 'svc/lib/app.json'],
    ['node_modules/.bin/tsc -p build.json && esbuild x.ts', 'svc/build.json'],
    ['esbuild src/index.ts --bundle --tsconfig=esb.json', 'svc/esb.json'],
  ])('%j in the change judges %s', (script, config) => {
    expect(wheres({ 'svc/package.json': manifest({ build: script }), [config]: outside })).toContain(
      `${config}#compilerOptions.outDir`,
    );
  });

  it('a script of another name the build runs counts too, and a folder means its tsconfig.json', () => {
    expect(
      wheres({
        'svc/package.json': manifest({ build: 'npm run typecheck', typecheck: 'tsc -p types.json --noEmit' }),
        'svc/types.json': outside,
      }),
    ).toContain('svc/types.json#compilerOptions.outDir');
    expect(
      wheres({ 'svc/package.json': manifest({ build: 'tsc -p lib' }), 'svc/lib/tsconfig.json': outside }),
    ).toEqual(['svc/lib/tsconfig.json#compilerOptions.outDir']);
  });

  it('a named configuration that does not parse is not low', () => {
    expect(
      wheres({
        'svc/package.json': manifest({ build: 'tsc -p build.json' }),
        'svc/build.json': '{ "compilerOptions": ',
      }),
    ).toEqual(['svc/build.json']);
  });

  it('the same file no script names is not judged as a configuration; one inside the folder is low', () => {
    expect(
      riskOf({ 'svc/package.json': manifest({ build: 'tsc' }), 'svc/build.json': outside }).reasons,
    ).toEqual([]);
    expect(
      riskOf({
        'svc/package.json': manifest({ build: 'tsc -p build.json' }),
        'svc/build.json': tsconfig({ compilerOptions: { outDir: 'dist' } }),
      }).reasons,
    ).toEqual([]);
  });

  it("the reviewed base's package.json names configurations the change writes without it", () => {
    const base = [{ path: 'svc/package.json', content: manifest({ build: 'tsc -p build.json' }) }];
    expect(riskWithBase({ 'svc/build.json': outside }, base).reasons.map((reason) => reason.where)).toEqual([
      'svc/build.json#compilerOptions.outDir',
    ]);
    expect(
      riskWithBase({ 'svc/build.json': '{ "compilerOptions": ' }, base).reasons.map((reason) => reason.where),
    ).toEqual(['svc/build.json']);
    // The change's own manifest replaces the base's.
    expect(
      riskWithBase({ 'svc/package.json': manifest({ build: 'tsc' }), 'svc/build.json': outside }, base)
        .reasons,
    ).toEqual([]);
  });

  it('a base package.json that could not be read, in any folder, with a JSON file no rule reads, is not low', () => {
    const base = [{ path: 'svc/package.json', unreadable: 'HttpError: Bad credentials' }];
    expect(riskWithBase({ 'svc/build.json': '{}' }, base).reasons.map((reason) => reason.where)).toEqual([
      'svc/package.json',
    ]);
    // Its scripts may name the file beside it by `../` (`tsc -p ../other/build.json`).
    expect(riskWithBase({ 'other/build.json': '{}' }, base).reasons.map((reason) => reason.where)).toEqual([
      'svc/package.json',
    ]);
    expect(riskWithBase({ 'svc/tsconfig.json': '{}' }, base).reasons).toEqual([]);
  });

  it('a configuration without a JSON extension a script names is judged; an unreadable manifest above any such file is not low', () => {
    const base = [{ path: 'svc/package.json', content: manifest({ build: 'tsc -p build.cfg' }) }];
    expect(riskWithBase({ 'svc/build.cfg': outside }, base).reasons.map((reason) => reason.where)).toEqual([
      'svc/build.cfg#compilerOptions.outDir',
    ]);
    // tsc still builds with what it could read of a file with syntax errors: not low either.
    expect(
      riskWithBase({ 'svc/build.cfg': `${outside} ,` }, base).reasons.map((reason) => reason.where),
    ).toEqual(['svc/build.cfg']);
    const unreadable = [{ path: 'svc/package.json', unreadable: 'HttpError: Bad credentials' }];
    expect(
      riskWithBase({ 'svc/build.cfg': outside }, unreadable).reasons.map((reason) => reason.where),
    ).toEqual(['svc/package.json']);
  });
});

describe('compilerConfigRisks: a script that changes folder', () => {
  const OUT = JSON.stringify({ compilerOptions: { outDir: '/home/runner/work/_actions/x' } });
  const riskOf = (build: string, path: string) =>
    compilerConfigRisks({
      files: [{ path, content: OUT }],
      base: [{ path: 'svc/package.json', content: JSON.stringify({ scripts: { build } }) }],
    }).map((reason) => reason.where);

  it.each([
    ['(cd conf && tsc -p a.json) && tsc -p build.json', 'svc/build.json'],
    ['cd conf || true; tsc -p build.json', 'svc/build.json'],
    ['cd -L ../conf && tsc -p build.json', 'conf/build.json'],
    ['sh -c "cd conf && tsc -p build.json"', 'svc/conf/build.json'],
  ])('%j judges %s', (build, path) => {
    expect(riskOf(build, path)).toContain(`${path}#compilerOptions.outDir`);
  });

  it.each([['cd $DIR && tsc -p build.json'], ['cd && tsc -p build.json'], ['cd ~/x; tsc -p build.json']])(
    '%j cannot be followed: unknown',
    (build) => {
      expect(riskOf(build, 'svc/elsewhere/build.json')).toEqual(['svc/package.json#scripts.build']);
    },
  );

  it('runs a nested npm script in the manifest folder, not in the folder a cd entered', () => {
    const base = JSON.stringify({ scripts: { build: 'cd conf && npm run tsc', tsc: 'tsc -p build.json' } });
    const reasons = compilerConfigRisks({
      files: [{ path: 'svc/build.json', content: OUT }],
      base: [{ path: 'svc/package.json', content: base }],
    });
    expect(reasons.map((reason) => reason.where)).toContain('svc/build.json#compilerOptions.outDir');
  });
});
