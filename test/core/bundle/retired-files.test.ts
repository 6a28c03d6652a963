import { retiredFiles } from '../../../src/core/bundle/retired-files.js';

const blobs = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('retiredFiles', () => {
  it('retires earlier output still on the branch as written, within the folders this run writes, nothing else', () => {
    expect(
      retiredFiles({
        generated: ['services/pay/src/app.ts', 'docs/pay.md'],
        generatedBefore: blobs({
          'services/pay/src/app.ts': 'a1',
          'services/pay/src/signature.ts': 's1',
          'services/pay/src/receive-webhook.ts': 'r1',
          'services/pay/gone-already.ts': 'g1',
          'services/other/x.ts': 'x1',
          'docs/old.md': 'd1',
        }),
        onBranch: blobs({
          'services/pay/src/app.ts': 'a0',
          'services/pay/src/signature.ts': 's1',
          'services/pay/src/receive-webhook.ts': 'r1',
          'services/other/x.ts': 'x1',
          'docs/old.md': 'd1',
        }),
      }),
    ).toEqual({
      retired: ['services/pay/src/receive-webhook.ts', 'services/pay/src/signature.ts'],
      keptEdited: [],
    });
  });

  it('never retires a file the previous generation did not write, even one its tree held (a person’s NOTES.md)', () => {
    expect(
      retiredFiles({
        generated: ['services/pay/src/app.ts'],
        generatedBefore: blobs({ 'services/pay/src/app.ts': 'a1' }),
        onBranch: blobs({ 'services/pay/src/app.ts': 'a1', 'services/pay/NOTES.md': 'n1' }),
      }),
    ).toEqual({ retired: [], keptEdited: [] });
  });

  it('keeps a generated file a person changed since, and names it', () => {
    expect(
      retiredFiles({
        generated: ['services/pay/src/app.ts'],
        generatedBefore: blobs({ 'services/pay/src/app.ts': 'a1', 'services/pay/src/hook.ts': 'h1' }),
        onBranch: blobs({ 'services/pay/src/app.ts': 'a1', 'services/pay/src/hook.ts': 'h2' }),
      }),
    ).toEqual({ retired: [], keptEdited: ['services/pay/src/hook.ts'] });
  });

  it('retires nothing when this run writes no service folder', () => {
    expect(
      retiredFiles({
        generated: ['README.md'],
        generatedBefore: blobs({ 'services/a/x.ts': 'x1' }),
        onBranch: blobs({ 'services/a/x.ts': 'x1' }),
      }),
    ).toEqual({ retired: [], keptEdited: [] });
  });
});
