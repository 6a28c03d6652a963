import { keepUsedImports } from '../../../../src/generation/offline/blueprints/application/engine/keep-used-imports.js';
import { fileContent, generate } from '../offline-test-requests.js';

/** Names a one-line named import brings in, and the file without its import lines. */
function importsOf(source: string): { names: string[]; rest: string } {
  const lines = source.split('\n');
  const imports = lines.filter((line) => /^import (type )?\{ [^}]+ \} from '[^']+';$/.test(line));
  const names = imports.flatMap((line) =>
    (/\{ ([^}]+) \}/.exec(line)?.[1] ?? '').split(',').map((name) => name.trim()),
  );
  return { names, rest: lines.filter((line) => !imports.includes(line)).join('\n') };
}

describe("the generated service's tests import only what they use (#11 new-user pass)", () => {
  it.each([
    [
      'a status lifecycle',
      ['As a customer I can place an order', 'As staff I can cancel an order unless it is shipped'],
    ],
    ['no status at all', ['As a customer I can create a note', 'As a customer I can list my notes']],
  ])('%s: every name app.test.ts imports is used in it', async (_case, stories) => {
    const { bundle } = await generate({ taskType: 'application', taskName: 'Shop API', stories });
    const { names, rest } = importsOf(fileContent(bundle, 'test/app.test.ts'));
    expect(names.length).toBeGreaterThan(0);
    const unused = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(rest));
    expect(unused).toEqual([]);
  });

  it('keeps a name the header itself uses, cuts one nothing uses, and drops an import left empty', () => {
    const header = [
      "import { createApp, unusedHelper } from '../src/app';",
      "import type { Never } from '../src/types';",
      'const app = () => createApp();',
    ].join('\n');
    expect(keepUsedImports(header, 'app();')).toBe(
      ["import { createApp } from '../src/app';", 'const app = () => createApp();'].join('\n'),
    );
  });
});
