import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathInsideCheckout } from '../../src/packaging/path-inside-checkout.js';

describe('pathInsideCheckout: inside by text and by real path', () => {
  let root: string;
  let checkout: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'inside-checkout-'));
    checkout = join(root, 'checkout');
    mkdirSync(join(checkout, 'src'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(checkout, 'src', 'index.js'), '1');
    writeFileSync(join(root, 'outside', 'secret'), 's');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps a plain path and a symlink that stays inside, under the name asked for', () => {
    symlinkSync(join(checkout, 'src'), join(checkout, 'code'));
    expect(pathInsideCheckout(checkout, 'src/index.js')).toEqual({ path: join(checkout, 'src', 'index.js') });
    expect(pathInsideCheckout(checkout, 'code/index.js')).toEqual({
      path: join(checkout, 'code', 'index.js'),
    });
  });

  it('refuses a path whose text or real path leaves the checkout', () => {
    symlinkSync(join(root, 'outside'), join(checkout, 'out'));
    symlinkSync(join(root, 'outside', 'secret'), join(checkout, 'file'));
    for (const path of ['../outside/secret', 'out', 'out/secret', 'file'])
      expect(pathInsideCheckout(checkout, path)).toEqual({
        refusal: expect.stringContaining('outside the checkout'),
      });
  });

  it('a missing path is returned as asked (reading it fails on its own), and a checkout that is a symlink is fine', () => {
    expect(pathInsideCheckout(checkout, 'src/none.js')).toEqual({ path: join(checkout, 'src', 'none.js') });
    symlinkSync(checkout, join(root, 'linked'));
    expect(pathInsideCheckout(join(root, 'linked'), 'src/index.js')).toEqual({
      path: join(root, 'linked', 'src', 'index.js'),
    });
  });
});
