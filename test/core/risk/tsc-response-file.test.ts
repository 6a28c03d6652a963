// Issue #9: tsc reads more arguments from a response file (`tsc @build.rsp`; TypeScript's
// commandLineParser `parseResponseFile`): the file is read with tsc's quoting, its arguments are
// judged as a plain build's and the projects it names as a script's; one that cannot be read is
// not low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { responseFileArguments } from '../../../src/core/risk/tsc-response-file.js';
import { readReviewedBase, type BaseFileReader } from '../../../src/pipeline/risk/read-reviewed-base.js';

const ACTION = '/home/runner/work/_actions/actions/checkout';
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

const reasonsOf = (files: Record<string, string>, base: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base: Object.entries(base).map(([path, content]) => ({ path, content })),
  }).reasons.map((reason) => reason.where);

describe('tsc response files', () => {
  it('splits as tsc does: blanks and control characters part, "…" keeps spaces, no escapes', () => {
    expect(responseFileArguments('--outDir "a b"\t-p\r\nx.json "c\\" "open')).toEqual([
      '--outDir',
      'a b',
      '-p',
      'x.json',
      'c\\',
      'open',
    ]);
  });

  it('a response file named in another the change writes is judged', () => {
    expect(
      reasonsOf(
        { 'svc/more.txt': `"--outDir" "${ACTION}"` },
        { 'svc/package.json': manifest('tsc @build.rsp'), 'svc/build.rsp': '--strict @more.txt\n' },
      ),
    ).toContain('svc/more.txt');
  });

  it('a changed script naming a response file outside the service is not low', () => {
    expect(
      reasonsOf(
        { 'svc/package.json': manifest('tsc @/tmp/build.rsp') },
        { 'svc/package.json': manifest('tsc') },
      ),
    ).toContain('svc/package.json#scripts.build');
  });

  it('a changed script naming a response file that cannot be read is not low', () => {
    expect(
      reasonsOf({ 'svc/package.json': manifest('tsc @build.rsp') }, { 'svc/package.json': manifest('tsc') }),
    ).toContain('svc/package.json');
  });

  it('control: a changed script naming a reviewed response file with plain arguments is low', () => {
    expect(
      reasonsOf(
        { 'svc/package.json': manifest('tsc @build.rsp') },
        { 'svc/package.json': manifest('tsc'), 'svc/build.rsp': '--strict --outDir dist\n' },
      ),
    ).toEqual([]);
  });

  it("readReviewedBase reads the response file a changed script names, and a base script's with a nameable file", async () => {
    const repository: Record<string, string> = {
      'svc/package.json': manifest('tsc @build.rsp'),
      'svc/build.rsp': '--outDir dist @more.rsp\n',
      'svc/more.rsp': '-p conf/build.json\n',
    };
    const read: BaseFileReader = async (path) => repository[path];
    read.list = async () => Object.keys(repository);
    const changed = [{ path: 'svc/package.json', content: manifest('tsc --strict @build.rsp') }];
    const base = await readReviewedBase({ paths: ['svc/package.json'], files: changed, read });
    expect(base.map((file) => file.path)).toEqual(expect.arrayContaining(['svc/build.rsp', 'svc/more.rsp']));
    const risk = (files: { path: string; content: string }[], from: typeof base) =>
      classifyRisk({
        files: files.map((file) => ({ ...file, role: 'config' as const })),
        targetEnvironment: 'staging',
        production: false,
        base: from,
      }).reasons.map((reason) => reason.where);
    expect(risk(changed, base)).toEqual([]);

    const config = [
      { path: 'svc/conf/build.json', content: JSON.stringify({ compilerOptions: { outDir: ACTION } }) },
    ];
    const named = await readReviewedBase({ paths: ['svc/conf/build.json'], files: config, read });
    expect(risk(config, named)).toContain('svc/conf/build.json#compilerOptions.outDir');
  });
});
