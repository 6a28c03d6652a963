import { parseCidrBlock, type CidrBlock } from './cidr-block.js';

/**
 * Ranges a template may well allow that no internet host sends from, left out of the count so
 * that private networks never add up to "open": IPv4 private (RFC 1918), shared (RFC 6598),
 * loopback and link-local; IPv6 loopback, unique local (RFC 4193) and link-local (RFC 4291).
 * Everything else counts, reserved space included, erring toward open.
 */
const PRIVATE: Record<4 | 6, readonly CidrBlock[]> = {
  4: ['10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16'].map(
    block,
  ),
  6: ['::1/128', 'fc00::/7', 'fe80::/10'].map(block),
};

/** How many internet (public) addresses the union of `blocks` of one family covers; overlaps count once. */
export function publicAddressCount(blocks: readonly CidrBlock[], family: 4 | 6): bigint {
  const union = merge(blocks.filter((one) => one.family === family));
  const covered = (range: CidrBlock) => union.reduce((sum, one) => sum + overlap(one, range), 0n);
  const total = union.reduce((sum, one) => sum + one.count, 0n);
  return PRIVATE[family].reduce((rest, range) => rest - covered(range), total);
}

/** Sorted, non-overlapping blocks covering the same addresses (counts no longer powers of two). */
function merge(blocks: readonly CidrBlock[]): CidrBlock[] {
  const sorted = [...blocks].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: CidrBlock[] = [];
  for (const one of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && one.first <= last.first + last.count) {
      const end =
        one.first + one.count > last.first + last.count ? one.first + one.count : last.first + last.count;
      merged[merged.length - 1] = { ...last, count: end - last.first };
    } else merged.push(one);
  }
  return merged;
}

function overlap(a: CidrBlock, b: CidrBlock): bigint {
  const start = a.first > b.first ? a.first : b.first;
  const endA = a.first + a.count;
  const endB = b.first + b.count;
  const end = endA < endB ? endA : endB;
  return end > start ? end - start : 0n;
}

function block(text: string): CidrBlock {
  const parsed = parseCidrBlock(text);
  if (parsed === undefined) throw new Error(`bad built-in CIDR ${text}`);
  return parsed;
}
