import { retiredFiles } from '../../../src/core/bundle/retired-files.js';

describe('retiredFiles', () => {
  it('retires earlier output still on the branch within the folders this run writes, nothing else', () => {
    expect(
      retiredFiles({
        generated: ['services/pay/src/app.ts', 'docs/pay.md'],
        generatedBefore: [
          'services/pay/src/app.ts',
          'services/pay/src/signature.ts',
          'services/pay/src/receive-webhook.ts',
          'services/pay/gone-already.ts',
          'services/other/x.ts',
          'docs/old.md',
        ],
        onBranch: [
          'services/pay/src/app.ts',
          'services/pay/src/signature.ts',
          'services/pay/src/receive-webhook.ts',
          'services/other/x.ts',
          'docs/old.md',
        ],
      }),
    ).toEqual(['services/pay/src/receive-webhook.ts', 'services/pay/src/signature.ts']);
  });

  it('retires nothing when this run writes no service folder', () => {
    expect(
      retiredFiles({
        generated: ['README.md'],
        generatedBefore: ['services/a/x.ts'],
        onBranch: ['services/a/x.ts'],
      }),
    ).toEqual([]);
  });
});
