// TypeScript configurations steering the build (issue #9, review 9k): `tsc` and esbuild read
// tsconfig.json, whose path settings can send output, module lookups or other configurations
// outside the service's folder.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
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
