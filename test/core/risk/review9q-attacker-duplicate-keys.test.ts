// Attacker pass 9q (test-only) on settings files of the base that name a key twice
// (compiler-project-arguments.ts `compilerProjectArguments`, and the base tsconfig `extends` reader of
// compiler-config-risks.ts, both through parse-jsonc.ts, which refuses a text naming a key twice):
// npm reads a package.json with JSON.parse (@npmcli/package-json, json-parse-even-better-errors) and
// tsc its configuration with its own JSON reader (checked: typescript 5.9
// `parseConfigFileTextToJson('{"extends":"./x.json","extends":"../conf/build.json"}')` gives the
// last), both keeping the last value with no error. A base file the classifier cannot parse is then
// taken to name nothing — not as unreadable, which fails closed (`unreadableBaseRisks`) — so a
// changed `build.json` that the last key points tsc at, its outDir writing over the runner's
// checkout of an action, is low. Refused: the same manifest written by the change
// (`packageManifestRisks` says it names a key twice), a key spelled with a \u escape, a base
// manifest with a BOM and CRLF line ends.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});

/** The reasons' places when the change writes `svc/build.json` over a base holding `base` (path → text). */
const whereOf = (base: Record<string, string>, changed: Record<string, string> = {}) =>
  classifyRisk({
    files: [
      { path: 'svc/build.json', content: OUTSIDE, role: 'config' as const },
      ...Object.entries(changed).map(([path, content]) => ({ path, content, role: 'config' as const })),
    ],
    targetEnvironment: 'staging',
    production: false,
    base: Object.entries(base).map(([path, content]) => ({ path, content })),
  }).reasons.map((reason) => reason.where);

const JUDGED = 'svc/build.json#compilerOptions.outDir';
const LAST_SCRIPT = '{"name":"svc","version":"1.0.0","scripts":{"build":"tsc","build":"tsc -p build.json"}}';
const LAST_SCRIPTS =
  '{"name":"svc","version":"1.0.0","scripts":{"build":"tsc"},"scripts":{"build":"tsc -p build.json"}}';

describe('a base settings file naming a key twice, whose last value names the changed file', () => {
  it('control: the base manifest naming it once has the configuration judged', () => {
    expect(
      whereOf({
        'svc/package.json': '{"name":"svc","version":"1.0.0","scripts":{"build":"tsc -p build.json"}}',
      }),
    ).toContain(JUDGED);
  });

  it.failing(
    'FAULT: a base package.json naming `build` twice (npm runs the last: tsc -p build.json) leaves it low',
    () => {
      expect(whereOf({ 'svc/package.json': LAST_SCRIPT })).not.toEqual([]);
    },
  );

  it.failing('FAULT: a base package.json naming `scripts` twice (npm keeps the last) leaves it low', () => {
    expect(whereOf({ 'svc/package.json': LAST_SCRIPTS })).not.toEqual([]);
  });

  it.failing(
    'FAULT: a base tsconfig.json naming `extends` twice (tsc extends the last: ./build.json) leaves it low',
    () => {
      expect(
        whereOf({ 'svc/tsconfig.json': '{"extends":"./base.json","extends":"./build.json"}' }),
      ).not.toEqual([]);
    },
  );
});

describe('keys read as npm and tsc read them (refused attacks)', () => {
  it('the same manifest written by the change is not low (it names a key twice)', () => {
    expect(whereOf({}, { 'svc/package.json': LAST_SCRIPT })).toContain('svc/package.json');
  });

  it('a key spelled with a \\u escape ("scri\\u0070ts") is read as scripts', () => {
    expect(
      whereOf({
        'svc/package.json': '{"name":"svc","version":"1.0.0","scri\\u0070ts":{"build":"tsc -p build.json"}}',
      }),
    ).toContain(JUDGED);
  });

  it('a base manifest with a BOM and CRLF line ends is read', () => {
    expect(
      whereOf({
        'svc/package.json':
          '\uFEFF{"name":"svc",\r\n"version":"1.0.0",\r\n"scripts":{"build":"tsc -p build.json"}}\r\n',
      }),
    ).toContain(JUDGED);
  });
});
