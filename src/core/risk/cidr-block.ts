/** One CIDR block as the range of addresses it covers: `first` address and `count` of addresses. */
export interface CidrBlock {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly count: bigint;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Reads `a.b.c.d/n` or an IPv6 `x:x::x/n` (with `::` and an embedded dotted IPv4 tail allowed),
 * as EC2 accepts them in `CidrIp`/`CidrIpv6`; host bits are ignored (the block starts at the
 * masked address). Undefined for anything else, which callers treat as unreadable.
 */
export function parseCidrBlock(text: string): CidrBlock | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (prefixText === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const family = address.includes(':') ? 6 : 4;
  const bits = family === 4 ? 32 : 128;
  const value = family === 4 ? parseIpv4(address) : parseIpv6(address);
  if (value === undefined || prefix > bits) return undefined;
  const count = 1n << BigInt(bits - prefix);
  return { family, first: value - (value % count), count };
}

function parseIpv4(address: string): bigint | undefined {
  const match = IPV4.exec(address);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((sum, octet) => sum * 256n + BigInt(octet), 0n);
}

function parseIpv6(address: string): bigint | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const words = groups.map(toWords);
  if (words.some((list) => list === undefined)) return undefined;
  const [head = [], tail = []] = words as number[][];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return all.reduce((sum, word) => sum * 65536n + BigInt(word), 0n);
}

/** Hex groups as 16-bit words; a last group in dotted IPv4 form is two words. */
function toWords(groups: string[]): number[] | undefined {
  const words: number[] = [];
  for (const [index, group] of groups.entries()) {
    const ipv4 = index === groups.length - 1 ? parseIpv4(group) : undefined;
    if (ipv4 !== undefined) words.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
    else if (/^[0-9a-f]{1,4}$/i.test(group)) words.push(parseInt(group, 16));
    else return undefined;
  }
  return words;
}
