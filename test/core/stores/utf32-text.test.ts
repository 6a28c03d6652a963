import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { encodeUtf32, utf32Form, utf32Runs } from '../../../src/core/stores/utf32-text.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const utf32 = (text: string, bigEndian: boolean) => {
  const points = [...text];
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, index) =>
    bigEndian
      ? bytes.writeUInt32BE(point.codePointAt(0) ?? 0, index * 4)
      : bytes.writeUInt32LE(point.codePointAt(0) ?? 0, index * 4),
  );
  return bytes;
};
/** Deterministic bytes (a linear congruential generator), so the test is the same every run. */
const pseudoRandom = (length: number, seed: number) => {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >>> 16;
  }
  return bytes;
};
const CYRILLIC = 'Служба заказов: развёртывание описано ниже. 🚀\n'.repeat(40);

describe('utf32Form without a byte order mark: by structure, whatever the script', () => {
  it.each([false, true])('recognises Cyrillic prose with an emoji (big-endian: %s)', (bigEndian) => {
    expect(utf32Form(utf32(CYRILLIC, bigEndian))).toEqual({ bigEndian, bom: false });
  });

  it('a BOM-less UTF-32BE Cyrillic file keeps no readable token', async () => {
    const body = utf32(`${CYRILLIC}GITHUB_TOKEN=${TOKEN}\n`, true);
    expect((await redactArtifactBody(body, 'files/docs/notes.md')).equals(body)).toBe(false);
  });

  it('does not take random bytes for UTF-32 (1,000 samples of 4 KiB)', () => {
    for (let seed = 1; seed <= 1000; seed += 1) expect(utf32Form(pseudoRandom(4096, seed))).toBeUndefined();
  });

  it.each([
    ['UTF-8 Japanese', Buffer.from('注文APIのデプロイ手順。\n'.repeat(50), 'utf8')],
    ['UTF-16LE Japanese', Buffer.from('注文APIのデプロイ手順。\n'.repeat(50), 'utf16le')],
    ['UTF-16LE ASCII', Buffer.from('Deploy the orders API.\n'.repeat(50), 'utf16le')],
    ['zeros (a binary’s padding)', Buffer.alloc(4096)],
    [
      'little-endian 32-bit counters 1..16',
      Buffer.from(new Uint32Array(1024).map((_, i) => (i % 16) + 1).buffer),
    ],
  ])('does not take %s for UTF-32', (_name, bytes) => {
    expect(utf32Form(bytes)).toBeUndefined();
  });
});

describe('utf32Runs: UTF-32 text inside other bytes', () => {
  const token = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

  it('finds a UTF-32 run after UTF-8 text in either byte order', () => {
    for (const bigEndian of [false, true]) {
      const body = Buffer.concat([
        Buffer.from('npm run build\n'.repeat(400), 'utf8'),
        encodeUtf32(`TOKEN=${token}\r\n`, { bigEndian, bom: false }),
      ]);
      expect(utf32Runs(body).join('\n')).toContain(token);
    }
  });

  it('finds none in UTF-8 text, which has no NUL', () => {
    expect(utf32Runs(Buffer.from('日本語のビルドログ\n'.repeat(100), 'utf8'))).toEqual([]);
  });

  it('leaves a log with a short UTF-32 run of no secret as it is', async () => {
    const body = Buffer.concat([
      Buffer.from('build ok\n'.repeat(600), 'utf8'),
      encodeUtf32('Deployed to staging\r\n', { bigEndian: false, bom: false }),
    ]);
    expect((await redactArtifactBody(body, 'logs/build.log')).equals(body)).toBe(true);
  });
});
