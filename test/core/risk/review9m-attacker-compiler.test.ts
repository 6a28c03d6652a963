// Attacker pass 9m (test-only) on the TypeScript-configuration rule of the risk classifier
// (src/core/risk/compiler-config-risks.ts, compiler-project-arguments.ts): configurations named to
// tsc or esbuild by package.json scripts and reviewed base manifests, and the configurations those
// reach through `extends`. Each FAULT is a change whose build writes the compiled service over a
// runner action (`outDir: /home/runner/work/_actions/...`) yet is classified low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (scripts: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', scripts, ...extra });

const riskOf = (files: Record<string, string>, base: Record<string, string> = {}) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base: Object.entries(base).map(([path, content]) => ({ path, content })),
  });

describe('attacker 9m: configurations a script names', () => {
  it('control: tsc -p build.json in the change judges build.json', () => {
    expect(
      riskOf({ 'svc/package.json': manifest({ build: 'tsc -p build.json' }), 'svc/build.json': OUTSIDE })
        .level,
    ).toBe('high');
  });

  it('refused: a base manifest naming the config with --project= judges the changed config', () => {
    expect(
      riskOf(
        { 'svc/build.json': OUTSIDE },
        { 'svc/package.json': manifest({ build: 'tsc --project=build.json' }) },
      ).level,
    ).toBe('high');
  });

  // In the change, a build script that is not plain tsc/esbuild is itself high (packageManifestRisks).
  it.each([
    ['node node_modules/typescript/lib/tsc.js -p build.json'],
    ["sh -c 'tsc -p build.json'"],
    ['npm run compile -- -p build.json'],
    ['tsc -p $npm_package_config_tsconfig'],
  ])('refused: a build script %j in the change is high', (build) => {
    expect(
      riskOf({ 'svc/package.json': manifest({ build, compile: 'tsc' }), 'svc/build.json': OUTSIDE }).level,
    ).toBe('high');
  });

  // The reviewed base's manifest is not judged as the change's; only the configurations its scripts
  // name are. Each of these build scripts points tsc at svc/build.json, which the change alone writes.
  it.failing.each([
    ['node node_modules/typescript/lib/tsc.js -p build.json', 'tsc run as node .../typescript/lib/tsc.js'],
    ["sh -c 'tsc -p build.json'", "tsc inside sh -c '...'"],
    ['npm run compile -- -p build.json', 'tsc reached through npm run <script> -- -p'],
    ['tsc -p $npm_package_config_tsconfig', 'a tsc -p argument made by shell expansion'],
  ])(
    'FAULT: a base build script %j (%s) is not read as naming build.json; the changed build.json is not judged',
    (build) => {
      expect(
        riskOf(
          { 'svc/build.json': OUTSIDE },
          { 'svc/package.json': manifest({ build, compile: 'tsc' }, { config: { tsconfig: 'build.json' } }) },
        ).level,
      ).toBe('high');
    },
  );
});

describe('attacker 9m: configurations reached through extends', () => {
  it('refused: a changed tsconfig.json extending a changed file judges that file', () => {
    expect(
      riskOf({
        'svc/tsconfig.json': JSON.stringify({ extends: './settings/compiler.json' }),
        'svc/settings/compiler.json': OUTSIDE,
      }).level,
    ).toBe('high');
  });

  it.failing(
    "FAULT: a changed file the reviewed base's tsconfig.json extends is not judged (only base manifests are read)",
    () => {
      expect(
        riskOf(
          { 'svc/settings/compiler.json': OUTSIDE },
          {
            'svc/package.json': manifest({ build: 'tsc' }),
            'svc/tsconfig.json': JSON.stringify({ extends: './settings/compiler.json' }),
          },
        ).level,
      ).toBe('high');
    },
  );

  it.failing(
    'FAULT: extends "./node_modules/<pkg>/tsconfig.json" (a package\'s settings, by a relative path) is low',
    () => {
      expect(
        riskOf({
          'svc/tsconfig.json': JSON.stringify({ extends: './node_modules/@evil/tsconfig/tsconfig.json' }),
        }).level,
      ).toBe('high');
    },
  );

  it('refused: extends by a bare package name is high', () => {
    expect(riskOf({ 'svc/tsconfig.json': JSON.stringify({ extends: '@evil/tsconfig' }) }).level).toBe('high');
  });
});
