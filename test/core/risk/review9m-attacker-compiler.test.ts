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
  it.each([
    ['node node_modules/typescript/lib/tsc.js -p build.json', 'tsc run as node .../typescript/lib/tsc.js'],
    ["sh -c 'tsc -p build.json'", "tsc inside sh -c '...'"],
    ['npm run compile -- -p build.json', 'tsc reached through npm run <script> -- -p'],
    ['tsc -p $npm_package_config_tsconfig', 'a tsc -p argument made by shell expansion'],
    ['node ./node_modules/typescript/lib/_tsc.js --project build.json', "TypeScript 5.5's lib/_tsc.js"],
    ['node node_modules/typescript/bin/tsc -p build.json', 'typescript/bin/tsc'],
    ['node node_modules/esbuild/bin/esbuild src/index.ts --tsconfig=build.json', 'esbuild/bin/esbuild'],
    ['pnpm exec tsc -p build.json', 'pnpm exec'],
    ['yarn tsc -p build.json', 'yarn <bin>'],
    ['cross-env NODE_ENV=production tsc -p build.json', 'a cross-env prefix'],
    ['bash -ec "npx tsc -p build.json"', 'bash -ec "..."'],
    ['sh -c \'sh -c "tsc -p build.json"\'', 'a shell inside a shell'],
    ['eval tsc -p build.json', 'eval'],
    ['t"s"c -p "build".json', 'quotes inside words'],
    ['ts\\c -p build.json', 'an escaped character'],
    ['npm run compile --silent -- --project=build.json', 'npm run with its own flag'],
    ['npm test -- -p build.json', 'npm test forwarding to the test script'],
    ['pnpm run compile -p build.json', 'pnpm run forwarding'],
    ['yarn compile -p build.json', 'yarn <script> forwarding'],
    ['"$npm_execpath" run compile -- -p build.json', 'the running package manager'],
    ['npm run relay -- -p build.json', 'forwarding through two scripts'],
    ['tsc -p "$npm_package_config_tsconfig"', 'a quoted expansion'],
    ['tsc -p `cat which`', 'a command substitution'],
    ['tsc --project=$(cat which)', 'an inline command substitution'],
    ['tsc $TSC_FLAGS', 'flags made by expansion'],
    ['tsc -b ./*.json', 'a glob after tsc -b'],
    ['esbuild src/a.ts --tsconfig=${CONFIG}', 'an esbuild --tsconfig made by expansion'],
    ['$COMPILER -p build.json', 'a program made by expansion'],
    ['npm run $WHICH -- -p build.json', 'a script name made by expansion'],
    ['sh -c \'tsc -p "$1"\' _ build.json', "a shell's positional argument"],
  ])(
    'a base build script %j (%s) is read as naming build.json; the changed build.json is judged (was a FAULT)',
    (build) => {
      const result = riskOf(
        { 'svc/build.json': OUTSIDE },
        {
          'svc/package.json': manifest(
            { build, compile: 'rm -rf lib && tsc', test: 'tsc', relay: 'npm run compile --' },
            { config: { tsconfig: 'build.json' } },
          ),
        },
      );
      expect(result.level).toBe('high');
      expect(result.reasons.some((reason) => reason.where.startsWith('svc/'))).toBe(true);
    },
  );

  it.each([
    [
      'tsc -p tsconfig.build.json --outDir lib/$NAME',
      'an expansion inside a value that cannot name a project',
    ],
    ["echo 'tsc -p build.json is not run' > /dev/null", 'tsc only as text'],
    ['esbuild src/*.ts --bundle --outdir=lib', 'an esbuild entry glob'],
    ['npm run missing -- -p build.json', 'a script the manifest does not have'],
  ])('control: a base build script %j (%s) leaves a changed harmless build.json low', (build) => {
    expect(
      riskOf(
        { 'svc/build.json': JSON.stringify({ compilerOptions: { outDir: 'lib' } }) },
        { 'svc/package.json': manifest({ build }) },
      ).level,
    ).toBe('low');
  });

  it('control: an unknowable script argument with no loose file in the change stays low', () => {
    expect(
      riskOf(
        { 'svc/src/handler.ts': 'export const handler = async () => 1;\n' },
        { 'svc/package.json': manifest({ build: 'tsc -p $npm_package_config_tsconfig' }) },
      ).level,
    ).toBe('low');
  });

  it('a script that runs itself through npm run is bounded and fails closed', () => {
    const result = riskOf(
      { 'svc/build.json': JSON.stringify({ compilerOptions: { outDir: 'lib' } }) },
      { 'svc/package.json': manifest({ build: 'npm run build -- -p build.json' }) },
    );
    expect(result.level).not.toBe('low');
  });
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

  it("a changed file the reviewed base's tsconfig.json extends is judged (was a FAULT)", () => {
    expect(
      riskOf(
        { 'svc/settings/compiler.json': OUTSIDE },
        {
          'svc/package.json': manifest({ build: 'tsc' }),
          'svc/tsconfig.json': JSON.stringify({ extends: './settings/compiler.json' }),
        },
      ).level,
    ).toBe('high');
  });

  it('extends "./node_modules/<pkg>/tsconfig.json" (a package\'s settings, by a relative path) is high (was a FAULT)', () => {
    expect(
      riskOf({
        'svc/tsconfig.json': JSON.stringify({ extends: './node_modules/@evil/tsconfig/tsconfig.json' }),
      }).level,
    ).toBe('high');
  });

  it('refused: extends by a bare package name is high', () => {
    expect(riskOf({ 'svc/tsconfig.json': JSON.stringify({ extends: '@evil/tsconfig' }) }).level).toBe('high');
  });

  it('a changed file reached from a base tsconfig.json through another base configuration is judged', () => {
    expect(
      riskOf(
        { 'svc/settings/compiler.json': OUTSIDE },
        {
          'svc/tsconfig.json': JSON.stringify({ extends: './base' }),
          'svc/base.json': JSON.stringify({ extends: ['./strict.json', './settings/compiler'] }),
        },
      ).level,
    ).toBe('high');
  });

  it('control: a harmless changed file a base tsconfig.json extends stays low', () => {
    expect(
      riskOf(
        {
          'svc/settings/compiler.json': JSON.stringify({ compilerOptions: { outDir: 'lib', strict: true } }),
        },
        { 'svc/tsconfig.json': JSON.stringify({ extends: './settings/compiler.json' }) },
      ).level,
    ).toBe('low');
  });

  it('a base tsconfig.json above a changed JSON file that could not be read fails closed', () => {
    const result = classifyRisk({
      files: [{ path: 'svc/settings/compiler.json', content: OUTSIDE, role: 'config' }],
      targetEnvironment: 'staging',
      production: false,
      base: [{ path: 'svc/tsconfig.json', unreadable: 'HttpError: Bad Gateway' }],
    });
    expect(result.level).not.toBe('low');
    expect(result.reasons.map((reason) => reason.where)).toContain('svc/tsconfig.json');
  });

  it('a base file in the extends chain that could not be read fails closed', () => {
    const result = classifyRisk({
      files: [{ path: 'svc/settings/compiler.json', content: OUTSIDE, role: 'config' }],
      targetEnvironment: 'staging',
      production: false,
      base: [
        { path: 'svc/tsconfig.json', content: JSON.stringify({ extends: './base.json' }) },
        { path: 'svc/base.json', unreadable: 'more than 32 TypeScript configurations to read' },
      ],
    });
    expect(result.reasons.map((reason) => reason.where)).toContain('svc/base.json');
  });

  it.each([
    '../node_modules/@evil/tsconfig/tsconfig.json',
    './a/../node_modules/@evil/tsconfig/tsconfig.json',
    './Node_Modules/@evil/tsconfig/tsconfig.json',
    '${configDir}/node_modules/@evil/tsconfig',
    '.evil/tsconfig.json',
    '..',
  ])('extends %j (a package, or looked up in node_modules) is high', (extended) => {
    const files = { 'svc/app/tsconfig.json': JSON.stringify({ extends: [extended] }) };
    expect(riskOf(files).level).toBe('high');
  });

  it('a reference into node_modules is high', () => {
    const config = JSON.stringify({ references: [{ path: './node_modules/evil' }] });
    expect(riskOf({ 'svc/tsconfig.json': config }).level).toBe('high');
  });

  it('control: extends of a sibling file by ./ stays low', () => {
    expect(
      riskOf({
        'svc/tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
        'svc/tsconfig.base.json': JSON.stringify({
          compilerOptions: { outDir: 'lib', typeRoots: ['./node_modules/@types'] },
        }),
      }).level,
    ).toBe('low');
  });
});
