// Attacker pass 9o (test-only) on tsc's arguments as a build script gives them
// (src/core/risk/compiler-project-arguments.ts, compiler-config-risks.ts): an output or project
// the compiler is pointed at outside the service is high (`tsc --outDir /home/runner/…` in a
// changed script is). Attacked: tsc's response files — an argument `@<file>` makes tsc read more
// arguments from that file (TypeScript's commandLineParser `parseStrings` → `parseResponseFile`,
// checked in node_modules/typescript/lib/_tsc.js) — so a changed response file, or a changed
// script naming one, points the build's output over a runner action, or the compiler at a
// configuration that does, and is low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const ACTION = '/home/runner/work/_actions/actions/checkout';
const OUTSIDE = JSON.stringify({ compilerOptions: { outDir: ACTION } });
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

const levelOf = (files: Record<string, string>, base: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base: Object.entries(base).map(([path, content]) => ({ path, content })),
  }).level;

describe('attacker 9o: tsc arguments read from a response file', () => {
  it('control: a changed script giving tsc --outDir over a runner action is high', () => {
    expect(
      levelOf(
        { 'svc/package.json': manifest(`tsc --outDir ${ACTION}`) },
        { 'svc/package.json': manifest('tsc') },
      ),
    ).toBe('high');
  });

  it('FAULT: a changed script `tsc @build.rsp` with a changed build.rsp holding that --outDir is high', () => {
    expect(
      levelOf(
        { 'svc/package.json': manifest('tsc @build.rsp'), 'svc/build.rsp': `--outDir ${ACTION}\n` },
        { 'svc/package.json': manifest('tsc') },
      ),
    ).toBe('high');
  });

  it('FAULT: the base script `tsc @build.rsp`, the change rewriting build.rsp with that --outDir, is high', () => {
    expect(
      levelOf(
        { 'svc/build.rsp': `--outDir ${ACTION}\n` },
        { 'svc/package.json': manifest('tsc @build.rsp') },
      ),
    ).toBe('high');
  });

  it('FAULT: the base script `tsc @build.rsp`, the change writing `-p conf/build.json` there and that configuration, is high', () => {
    expect(
      levelOf(
        { 'svc/build.rsp': '-p conf/build.json\n', 'svc/conf/build.json': OUTSIDE },
        { 'svc/package.json': manifest('tsc @build.rsp') },
      ),
    ).toBe('high');
  });

  it('refused: the same configuration named on the command line (tsc -p conf/build.json) is high', () => {
    expect(
      levelOf({ 'svc/conf/build.json': OUTSIDE }, { 'svc/package.json': manifest('tsc -p conf/build.json') }),
    ).toBe('high');
  });

  it('control: a response file the build never names stays low', () => {
    expect(
      levelOf({ 'svc/notes.rsp': `--outDir ${ACTION}\n` }, { 'svc/package.json': manifest('tsc') }),
    ).toBe('low');
  });
});
