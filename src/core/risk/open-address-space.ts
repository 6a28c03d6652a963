import type { CidrBlock } from './cidr-block.js';
import { publicAddressCount } from './public-address-count.js';

/**
 * More internet addresses than one IPv4 /8 (2^24, 1/256 of the address space) or one IPv6 /16
 * (2^112) counts as open to the internet. Our rule: a reviewer sees anything this broad, and
 * splitting `0.0.0.0/0` into `/1`s or into 128 `/8`s is still open because the count is over the
 * union of every range given. Private ranges are not counted (`publicAddressCount`).
 */
const OPEN_MORE_THAN: Record<4 | 6, bigint> = { 4: 1n << 24n, 6: 1n << 112n };

/** The first family whose union of `blocks` is open, with its public address count; else undefined. */
export function openAddressSpace(blocks: readonly CidrBlock[]): { family: 4 | 6; count: bigint } | undefined {
  for (const family of [4, 6] as const) {
    const count = publicAddressCount(blocks, family);
    if (count > OPEN_MORE_THAN[family]) return { family, count };
  }
  return undefined;
}
