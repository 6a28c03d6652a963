import { checkLimits } from '../../../src/core/gates/check-limits.js';
import { bundleOf, file, policy } from './bundle-fixtures.js';

const tight = { ...policy, maxFiles: 3, maxFileBytes: 10, maxTotalBytes: 25 };

function filesOf(...sizes: number[]): ReturnType<typeof file>[] {
  return sizes.map((size, index) => file(`src/f${index}.txt`, 'x'.repeat(size), 'doc'));
}

describe('checkLimits', () => {
  it('passes exactly at every limit', () => {
    expect(checkLimits(bundleOf(filesOf(10, 10, 5)), tight)).toEqual([]);
  });

  it('reports one file too many', () => {
    expect(checkLimits(bundleOf(filesOf(1, 1, 1, 1)), tight)).toEqual([
      { gate: 'limits', message: '4 files is over the limit of 3' },
    ]);
  });

  it('reports a file one byte over, counting UTF-8 bytes rather than characters', () => {
    // Five "é" are five characters but ten bytes; the sixth character pushes it to eleven.
    const exactly = file('src/accents.txt', 'ééééé', 'doc');
    const over = file('src/over.txt', 'éééééa', 'doc');
    expect(checkLimits(bundleOf([exactly]), tight)).toEqual([]);
    expect(checkLimits(bundleOf([over]), tight)).toEqual([
      { gate: 'limits', path: 'src/over.txt', message: '11 bytes is over the per-file limit of 10 bytes' },
    ]);
  });

  it('reports a total one byte over', () => {
    expect(checkLimits(bundleOf(filesOf(10, 10, 6)), tight)).toEqual([
      { gate: 'limits', message: '26 bytes in all is over the total limit of 25 bytes' },
    ]);
  });

  it('stops at the file count: sizes are not measured, let alone reported', () => {
    const unread = {
      path: 'src/unread.ts',
      role: 'source' as const,
      get content(): string {
        throw new Error('content was read');
      },
    };
    expect(checkLimits(bundleOf([unread, ...filesOf(100, 100, 100)]), tight)).toEqual([
      { gate: 'limits', message: '4 files is over the limit of 3' },
    ]);
  });

  it('reports every oversized file, and not the total they make', () => {
    expect(checkLimits(bundleOf(filesOf(11, 12, 1)), tight)).toEqual([
      { gate: 'limits', path: 'src/f0.txt', message: '11 bytes is over the per-file limit of 10 bytes' },
      { gate: 'limits', path: 'src/f1.txt', message: '12 bytes is over the per-file limit of 10 bytes' },
    ]);
  });

  it('reports an empty bundle', () => {
    expect(checkLimits(bundleOf([]), tight)).toEqual([
      { gate: 'limits', message: 'the bundle has no files; a change needs at least one' },
    ]);
  });

  it('formats large numbers for people', () => {
    const findings = checkLimits(bundleOf([file('big.txt', 'x'.repeat(200_001), 'doc')]), {
      ...policy,
      maxFileBytes: 200_000,
      maxTotalBytes: 1_000_000,
    });
    expect(findings[0]?.message).toBe('200,001 bytes is over the per-file limit of 200,000 bytes');
  });
});
