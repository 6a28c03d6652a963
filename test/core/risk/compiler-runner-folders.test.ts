// Issue #9: a command a runner starts in another folder without `cd` (`env -C`, `pnpm -C`/`--dir`,
// `yarn --cwd`, `npm --prefix`, `npx --prefix`) reads its compiler arguments from that folder too
// (runner-folder-options.ts); a folder it cannot follow, or one it runs in folders the text does not
// name (`pnpm -w`, `npm -ws`), or a package manager running another folder's scripts, is unknown.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { commandFolder } from '../../../src/core/risk/runner-folder-options.js';
import { shellCommands } from '../../../src/core/risk/shell-commands.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});

const reasonsWith = (build: string) =>
  classifyRisk({
    files: [{ path: 'svc/conf/build.json', content: OUTSIDE, role: 'config' }],
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: 'svc/package.json', content: JSON.stringify({ name: 'svc', scripts: { build } }) }],
  }).reasons.map((reason) => reason.where);

describe('a command run in another folder without cd', () => {
  it.each([
    ['npm --prefix conf exec -- tsc -p build.json'],
    ['npx --prefix=conf tsc -p build.json'],
    ['env -Cconf tsc -p build.json'],
    ['env A=1 --chdir conf npx tsc --project build.json'],
    ['env A=1 pnpm -C conf exec tsc -p build.json'],
  ])('%j: the configuration it names in that folder is judged', (build) => {
    expect(reasonsWith(build)).toContain('svc/conf/build.json#compilerOptions.outDir');
  });

  it.each([
    ['env -C "$DIR" tsc -p build.json'],
    ['env -C ~/conf tsc -p build.json'],
    ['pnpm -w exec tsc -p conf/build.json'],
    ['npm exec --workspaces -- tsc -p build.json'],
    ['yarn --cwd conf build'],
    ['env -S "tsc -p conf/build.json"'],
  ])('%j: unknown, so a changed file that may be its configuration is not low', (build) => {
    expect(reasonsWith(build)).toContain('svc/package.json#scripts.build');
  });

  it("control: another folder than the changed file's leaves it low", () => {
    expect(reasonsWith('env -C other tsc -p build.json')).toEqual([]);
  });

  it('reads the folder and the command without the option', () => {
    const [words = []] = shellCommands('pnpm --dir=conf exec tsc -p x.json');
    const moved = commandFolder(words);
    expect(moved?.folder).toBe('conf');
    expect(moved?.words?.map((word) => word.text)).toEqual(['pnpm', 'exec', 'tsc', '-p', 'x.json']);
  });

  it("an option of the program env runs is not env's", () => {
    const [words = []] = shellCommands('env tsc -C conf');
    expect(commandFolder(words)).toBeUndefined();
  });
});
