/**
 * Secrets under more than one layer of encoding (src/core/secrets/scan-base64-literals.ts
 * `decodeBase64Texts`), beyond the review10o cases: zlib instead of gzip, UTF-16BE with a byte
 * order mark, three layers of base64 (read), four (withheld: fail closed), and a gzip header whose
 * stream does not inflate (withheld).
 */
import { deflateSync } from 'node:zlib';
import { scanBase64Literals } from '../../../src/core/secrets/scan-base64-literals.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const base64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64');
const layers = (text: string, count: number): string =>
  count === 0 ? text : layers(base64(`value: ${text}\n`), count - 1);

describe('base64 under a second encoding', () => {
  it('finds a token in base64 of zlib-deflated text, over the whole run', async () => {
    const run = base64(deflateSync(`GITHUB_TOKEN=${TOKEN}\n`));
    const text = `UserData: ${run}\n`;
    const [match, ...rest] = await scanBase64Literals(text);
    expect(rest).toEqual([]);
    expect(match?.overflow).toBe(false);
    expect(text.slice(...(match?.range ?? [0, 0]))).toBe(run);
  });

  it('finds a token in base64 of UTF-16BE text with a byte order mark', async () => {
    const little = Buffer.from(`\uFEFFtoken=${TOKEN}`, 'utf16le');
    const big = Buffer.from(little).swap16();
    const stored = (await redactArtifactBody(`data: ${base64(big)}\n`, 'files/data.yaml')).toString();
    expect(stored).not.toContain(base64(big));
  });

  it('reads three layers of base64 and finds the token at the bottom', async () => {
    const matches = await scanBase64Literals(`secret: ${layers(TOKEN, 3)}\n`);
    expect(matches.map((match) => match.overflow)).toEqual([false]);
  });

  it('withholds (overflow) a text whose base64 goes one layer deeper than it reads', async () => {
    const matches = await scanBase64Literals(`secret: ${layers('plain words, no secret at all here', 4)}\n`);
    expect(matches.map((match) => match.overflow)).toEqual([true]);
  });

  it('withholds a run that starts as gzip but does not inflate', async () => {
    const broken = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(40, 0xff)]);
    const matches = await scanBase64Literals(`blob: ${base64(broken)}\n`);
    expect(matches.map((match) => match.overflow)).toEqual([true]);
  });

  it('leaves two layers of base64 of plain words alone', async () => {
    expect(await scanBase64Literals(`note: ${layers('plain words, no secret at all here', 2)}\n`)).toEqual(
      [],
    );
  });
});
