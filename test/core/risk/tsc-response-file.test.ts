// Issue #9: tsc reads more arguments from a response file (`tsc @build.rsp`; TypeScript's
// commandLineParser `parseResponseFile`): the file is read with tsc's quoting, its arguments are
// judged as a plain build's and the projects it names as a script's; one that cannot be read is
// not low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { responseFileArguments } from '../../../src/core/risk/tsc-response-file.js';

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
      reasonsOf({ 'svc/package.json': manifest('tsc @/tmp/build.rsp') }, { 'svc/package.json': manifest('tsc') }),
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
});
