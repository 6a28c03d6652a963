import { gzipSync } from 'node:zlib';
import { isCompressed, readableTexts } from '../src/core/stores/readable-texts.js';
import { redactArtifactBody } from '../src/core/stores/redact-artifact-body.js';
import { medianMs } from './median-ms.js';

/** `length` pseudo-random bytes (a fixed LCG), standing for ordinary binary data (an image, a build output). */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 7;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** `unit` repeated to `length` bytes. */
function repeatedTo(unit: Buffer, length: number): Buffer {
  return Buffer.concat(Array.from({ length: Math.ceil(length / unit.length) }, () => unit)).subarray(
    0,
    length,
  );
}

/** One row: a body kind's cost at `bytes` and twice that (ratio ≈ 2 when linear). */
export interface ArtifactBodyRow {
  readonly name: string;
  readonly bytes: number;
  readonly ms: readonly [number, number];
}

/**
 * What the artifact store's readers cost on bodies that are not UTF-8 text (issue #10, review
 * 10l: archives looked for anywhere in a body, UTF-16 runs read), at 4 and 8 MiB: ordinary binary
 * data (`readableTexts`, the reading alone, and `isCompressed`, the look every body gets), candidate
 * headers that do not read (gzip and zlib headers and zip end records on every few bytes: each
 * refused at once, or past the zlib probe bound, as not scanned), a UTF-16 string table, gzip
 * members back to back; and `redactArtifactBody` whole (the secret scan of every reading included,
 * which dominates) on 256 and 512 KiB of binary data.
 */
export async function benchArtifactBody(): Promise<ArtifactBodyRow[]> {
  const size = 4 * 1024 * 1024;
  const bodies: { name: string; make: (length: number) => Buffer; read: (body: Buffer) => unknown }[] = [
    { name: 'binary: isCompressed', make: noise, read: isCompressed },
    { name: 'binary: readableTexts', make: noise, read: readableTexts },
    {
      name: 'end records every 64 bytes',
      make: (length) => repeatedTo(Buffer.concat([Buffer.from([0x50, 0x4b, 5, 6]), noise(60)]), length),
      read: readableTexts,
    },
    {
      name: 'gzip headers every 64 bytes',
      make: (length) => repeatedTo(Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), noise(60)]), length),
      read: readableTexts,
    },
    {
      name: 'zlib headers every 64 bytes',
      make: (length) => repeatedTo(Buffer.concat([Buffer.from([0x78, 0x9c]), noise(62)]), length),
      read: readableTexts,
    },
    {
      name: 'UTF-16 string table',
      make: (length) => repeatedTo(Buffer.from('name=orders-api\0', 'utf16le'), length),
      read: readableTexts,
    },
    {
      name: 'gzip members back to back',
      make: (length) => {
        const member = gzipSync(noise(4096));
        return repeatedTo(member, length - (length % member.length));
      },
      read: readableTexts,
    },
  ];
  const rows: ArtifactBodyRow[] = [];
  for (const body of bodies) {
    const [small, large] = [body.make(size), body.make(size * 2)];
    rows.push({
      name: body.name,
      bytes: size,
      ms: [await medianMs(5, () => body.read(small)), await medianMs(5, () => body.read(large))],
    });
  }
  const [small, large] = [noise(256 * 1024), noise(512 * 1024)];
  rows.push({
    name: 'binary: redactArtifactBody',
    bytes: small.length,
    ms: [
      await medianMs(3, () => redactArtifactBody(small, 'files/a.bin')),
      await medianMs(3, () => redactArtifactBody(large, 'files/a.bin')),
    ],
  });
  return rows;
}
