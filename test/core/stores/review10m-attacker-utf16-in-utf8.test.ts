/**
 * Attacker pass (review #10m) on UTF-16 inside bytes that are valid UTF-8
 * (src/core/stores/redact-artifact-body.ts, utf16-text.ts). UTF-16 of ASCII is valid UTF-8 (a NUL
 * between every character), so bytes that `utf16Form` does not take for UTF-16 go down the UTF-8
 * text path, where a scan of `t\0o\0k\0…` sees no secret; `utf16Runs` (the `strings -el` reading)
 * is only tried for bytes that are not UTF-8. `utf16Form` refuses any odd length outright, so one
 * stray byte (a trailing newline written by another tool) or a UTF-16 run pasted into a UTF-8 log
 * (PowerShell's `Out-File` output appended to a build log) keeps the token, unredacted, in the
 * stored artifact. A fault is `it.failing` asserting the right answer; an attack the code refuses
 * is an ordinary test.
 */
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const wide = (text: string) => Buffer.from(text, 'utf16le');
/** What a reader of the stored bytes gets: ASCII with the NULs of UTF-16 taken out. */
const readable = (bytes: Buffer) => bytes.toString('latin1').replaceAll('\0', '');

describe('review10m attacker: UTF-16 inside bytes that are valid UTF-8', () => {
  it('a UTF-16LE .env without BOM and one stray trailing byte is redacted', async () => {
    const body = Buffer.concat([wide(`GITHUB_TOKEN=${TOKEN}\r\n`), Buffer.from('\n')]);
    const stored = await redactArtifactBody(body, 'files/.env');
    expect(readable(stored)).not.toContain(TOKEN);
  });

  it('a UTF-16LE run pasted into a UTF-8 log (odd length) is not stored with the token', async () => {
    const body = Buffer.concat([
      Buffer.from('build started\n'),
      wide(`token=${TOKEN}\r\n`),
      Buffer.from('build done\n'),
    ]);
    expect(body.length % 2).toBe(1);
    const stored = await redactArtifactBody(body, 'logs/build.log');
    expect(readable(stored)).not.toContain(TOKEN);
  });
});

describe('review10m attacker: more UTF-16 inside UTF-8', () => {
  it('a UTF-16BE .env without BOM and one stray byte is redacted, the stray byte kept', async () => {
    const body = Buffer.concat([wide(`GITHUB_TOKEN=${TOKEN}\r\n`).swap16(), Buffer.from('\n')]);
    const stored = await redactArtifactBody(body, 'files/.env');
    expect(readable(stored)).not.toContain(TOKEN);
    expect(stored.at(-1)).toBe(0x0a);
  });

  it('a UTF-16LE .env with one stray byte and no secret is kept byte for byte', async () => {
    const body = Buffer.concat([wide('LOG_LEVEL=debug\r\nPORT=8080\r\n'), Buffer.from('\n')]);
    expect((await redactArtifactBody(body, 'files/.env')).equals(body)).toBe(true);
  });

  it('a UTF-16BE run at an odd offset in a UTF-8 log is not stored with the token', async () => {
    const body = Buffer.concat([
      Buffer.from('build started\n'),
      wide(`token=${TOKEN}\r\n`).swap16(),
      Buffer.from('done\n'),
    ]);
    const stored = await redactArtifactBody(body, 'logs/build.log');
    expect(readable(stored)).not.toContain(TOKEN);
  });

  it('a UTF-16 run pasted into a string body (not bytes) is not stored with the token', async () => {
    const body = `build started\n${wide(`token=${TOKEN}`).toString('latin1')}\ndone\n`;
    const stored = await redactArtifactBody(body, 'logs/build.log');
    expect(readable(stored)).not.toContain(TOKEN);
  });

  it('a UTF-8 log with a harmless UTF-16 run and an ASCII token keeps no token', async () => {
    const body = Buffer.concat([
      Buffer.from(`build started token=${TOKEN}\n`),
      wide('Copying files to output folder\r\n'),
      Buffer.from('done\n'),
    ]);
    const stored = await redactArtifactBody(body, 'logs/build.log');
    expect(readable(stored)).not.toContain(TOKEN);
  });

  it('a UTF-8 log with a harmless UTF-16 run and no secret is kept byte for byte', async () => {
    const body = Buffer.concat([
      Buffer.from('build started\n'),
      wide('Copying files to output folder\r\n'),
      Buffer.from('done!\n'),
    ]);
    expect((await redactArtifactBody(body, 'logs/build.log')).equals(body)).toBe(true);
  });
});

describe('review10m attacker: UTF-16 read (refused)', () => {
  it('the same run at an odd offset in an even-length UTF-8 log is redacted (UTF-16 by structure)', async () => {
    const body = Buffer.concat([
      Buffer.from('build started.\n'),
      wide(`token=${TOKEN}\r\n`),
      Buffer.from('build done!!\n'),
    ]);
    expect(body.length % 2).toBe(0);
    const stored = await redactArtifactBody(body, 'logs/build.log');
    expect(readable(stored)).not.toContain(TOKEN);
  });
  it('a UTF-16LE .env without BOM, even length, is redacted', async () => {
    const stored = await redactArtifactBody(wide(`GITHUB_TOKEN=${TOKEN}\r\n`), 'files/.env');
    expect(readable(stored)).not.toContain(TOKEN);
  });

  it('a UTF-16BE .env without BOM, even length, is redacted', async () => {
    const stored = await redactArtifactBody(wide(`GITHUB_TOKEN=${TOKEN}\r\n`).swap16(), 'files/.env');
    expect(readable(stored)).not.toContain(TOKEN);
  });

  it('a UTF-16LE run inside bytes that are not UTF-8 is found (fails closed)', async () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0xc0, 0x80]),
      wide(`token=${TOKEN}`),
      Buffer.from([0xc1]),
    ]);
    const stored = await redactArtifactBody(body, 'bin/tool.exe');
    expect(readable(stored)).not.toContain(TOKEN);
  });
});
