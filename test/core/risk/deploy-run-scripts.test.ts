// Only the scripts the deploy run starts can point its compiler at a file of the change (issue #9,
// session 27 item 1): `npm ci`/`npm install`'s life-cycle scripts and `npm run build` with its pre
// and post scripts, and whatever those run. A `start` script nothing runs named no configuration,
// yet made every change holding a JSON file high.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { DEPLOY_RUN_SCRIPTS } from '../../../src/core/risk/deploy-run-scripts.js';

const OUTSIDE = JSON.stringify({ compilerOptions: { outDir: '/home/runner/work/_actions/x' } });
/** A change of one file beside a reviewed `svc/package.json` with `scripts`. */
const assess = (scripts: Record<string, string>, file = 'svc/data/settings.json', content = '{"a": 1}') =>
  classifyRisk({
    files: [{ path: file, content, role: 'config' as const }],
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: 'svc/package.json', content: JSON.stringify({ name: 'svc', scripts }) }],
  });
const wheres = (scripts: Record<string, string>, file?: string, content?: string) =>
  assess(scripts, file, content).reasons.map((reason) => reason.where);

describe('scripts the deploy run starts', () => {
  it('lists the install life-cycle scripts and prebuild, build, postbuild in the order npm runs them', () => {
    expect(DEPLOY_RUN_SCRIPTS.slice(0, 3)).toEqual(['preinstall', 'install', 'postinstall']);
    expect(DEPLOY_RUN_SCRIPTS.slice(-3)).toEqual(['prebuild', 'build', 'postbuild']);
    expect(DEPLOY_RUN_SCRIPTS).toEqual(expect.arrayContaining(['prepare', 'preprepare', 'postprepare']));
    expect(DEPLOY_RUN_SCRIPTS).not.toContain('start');
  });

  it.each([
    [{ build: 'tsc', start: 'node dist/index.js' }],
    [{ build: 'esbuild src/index.ts --bundle', test: 'jest', lint: 'eslint . && node tools/check.mjs' }],
    [{ build: 'tsc', dev: 'tsx watch src/index.ts', typecheck: 'tsc -p $CONFIG' }],
  ])('a script nothing of the deploy run starts is not read: %j is low', (scripts) => {
    expect(assess(scripts)).toEqual({ level: 'low', reasons: [] });
  });

  it('a script the deploy run does not start names no configuration to judge', () => {
    expect(wheres({ build: 'tsc', typecheck: 'tsc -p settings.json' }, 'svc/settings.json', OUTSIDE)).toEqual(
      [],
    );
    expect(wheres({ build: 'tsc', prepare: 'tsc -p settings.json' }, 'svc/settings.json', OUTSIDE)).toEqual([
      'svc/settings.json#compilerOptions.outDir',
    ]);
  });

  it.each(DEPLOY_RUN_SCRIPTS.map((name) => [name]))('%s running unread code is high', (name) => {
    expect(wheres({ [name]: 'node tools/gen.mjs' })).toEqual([`svc/package.json#scripts.${name}`]);
  });

  it.each([
    ['npm run compile', { compile: 'node tools/gen.mjs' }],
    ['npm run-script compile -- --x', { compile: 'node tools/gen.mjs' }],
    ['yarn compile', { compile: 'node tools/gen.mjs' }],
    ['pnpm run compile', { compile: 'node tools/gen.mjs' }],
    ['npm run compile', { compile: 'tsc', precompile: 'node tools/gen.mjs' }],
    ['npm run compile', { compile: 'tsc', postcompile: 'node tools/gen.mjs' }],
    ['npm run a', { a: 'npm run b', b: 'yarn c', c: 'node tools/gen.mjs' }],
    ['npm test', { test: 'node tools/gen.mjs' }],
    ['run-s clean compile', { clean: 'rm -rf dist', compile: 'node tools/gen.mjs' }],
    ['npm-run-all -s clean -p "compile:*"', { clean: 'rm -rf dist', 'compile:a': 'node tools/gen.mjs' }],
    ['run-p compile:*', { 'compile:a': 'tsc', 'compile:b': 'node tools/gen.mjs' }],
    ['run-s compile:**', { 'compile:a:b': 'node tools/gen.mjs' }],
    ['run-s compile', { compile: 'tsc', precompile: 'node tools/gen.mjs' }],
  ])('a script the build runs is read: %j with %j is high', (build, more) => {
    expect(wheres({ build, ...more })).toEqual(['svc/package.json#scripts.build']);
  });

  it.each([
    ['npm run compile', { compile: 'tsc', lint: 'node tools/gen.mjs' }],
    ['run-s clean compile', { clean: 'rm -rf dist', compile: 'tsc', start: 'node dist' }],
    ["run-s 'compile:*'", { 'compile:a': 'tsc', 'compile:a:deep': 'node tools/gen.mjs' }],
    ['run-p --max-parallel 2 -l --print-name "compile:* -- --pretty"', { 'compile:a': 'tsc' }],
  ])('scripts the build does not reach stay unread: %j with %j is low', (build, more) => {
    expect(assess({ build, ...more })).toEqual({ level: 'low', reasons: [] });
  });

  it.each([
    ['run-s $TASKS'],
    ['run-s "{lint,compile}"'],
    ["run-s '[ab]'"],
    ['run-p --npm-path ./bin/npm compile'],
    ['npm-run-all compile -- x'],
    ['run-s "compile {1}"'],
    ['npm run $SCRIPT'],
  ])('a run it cannot resolve fails closed: %j is high', (build) => {
    expect(wheres({ build, compile: 'tsc' })).toEqual(['svc/package.json#scripts.build']);
  });

  it('a task pattern the shell may glob first matches across segments (a superset)', () => {
    expect(wheres({ build: 'run-s compile:*', 'compile:a:b': 'node tools/gen.mjs' })).toEqual([
      'svc/package.json#scripts.build',
    ]);
  });

  it('forwards a task pattern’s arguments to the script it runs', () => {
    expect(
      wheres({ build: 'run-s "compile -p settings.json"', compile: 'tsc' }, 'svc/settings.json', OUTSIDE),
    ).toEqual(['svc/settings.json#compilerOptions.outDir']);
  });

  it('a manifest past the bounds is not read as low', () => {
    const many = Object.fromEntries(Array.from({ length: 257 }, (_, index) => [`s${index}`, 'true']));
    expect(wheres({ ...many, build: 'tsc' })).toEqual(['svc/package.json#scripts']);
    expect(wheres({ build: `tsc ${'x'.repeat(10_001)}` })).toEqual(['svc/package.json#scripts.build']);
  });
});
