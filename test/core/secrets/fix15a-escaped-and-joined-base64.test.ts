/**
 * Fixes of review #10p's two kinds of fault (issue #10), beyond the attacker's examples:
 * 1. a token right after an escape in a generated non-document file (`.ts`, `.py`, `.jsonl`, a
 *    shell script…): `findFileSecrets` decodes the escapes of the whole text
 *    (`findDecodedEscapeSecrets`, the reader `redactDecodedEscapes` uses), so the secrets gate
 *    refuses it with a finding that says so, every caller hides it in place, and a file escaped
 *    past the bound is refused and withheld;
 * 2. base64 written in adjacent quoted pieces (Python's implicit concatenation, `+` in code) is
 *    joined before it is decoded (`scanBase64Literals`).
 */
import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import { MAX_ESCAPE_LEVELS } from '../../../src/core/secrets/find-decoded-escape-secrets.js';
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactJsonStrings } from '../../../src/core/secrets/redact-json-strings.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { bundleOf, file } from '../gates/bundle-fixtures.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const STRIPE = 'sk_live_51HaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD';

const gateFindings = async (path: string, content: string) => checkSecrets(bundleOf([file(path, content)]));

/** What the artifact store keeps of a generated file. */
const stored = async (path: string, content: string) =>
  (await redactArtifactBody(content, `files/${path}`)).toString();

describe('fix15a: a token right after an escape in a generated file', () => {
  it.each([
    ['a tab escape in TypeScript', 'src/a.ts', `const s = "key:\\t${TOKEN}";\n`],
    ['a carriage return escape in Python', 'app/a.py', `S = "key:\\r${TOKEN}"\n`],
    ['a \\u000a escape in JavaScript', 'src/a.js', `const s = 'key:\\u000a${TOKEN}';\n`],
    ['a \\x0a escape in Python', 'app/a.py', `S = b"key:\\x0a${STRIPE}"\n`],
    ['a \\n in a shell script', 'scripts/run.sh', `printf "key:\\n${STRIPE}\\n"\n`],
    ['a \\n in a Go string', 'cmd/main.go', `const banner = "key:\\n${TOKEN}"\n`],
    ['a \\n in a JSON-lines log', 'test/fixtures/log.jsonl', `{"msg":"a\\n${TOKEN}"}\n`],
    ['an escape written twice (\\\\n)', 'src/a.ts', `const s = "{\\"msg\\":\\"key:\\\\n${TOKEN}\\"}";\n`],
  ])('after %s: refused by the gate, hidden by every caller', async (_name, path, content) => {
    const secret = content.includes(TOKEN) ? TOKEN : STRIPE;
    expect(await gateFindings(path, content)).not.toHaveLength(0);
    expect(await stored(path, content)).not.toContain(secret);
    expect(await redactSecrets(content, path)).not.toContain(secret);
    // The model's answer (`write_files`) as the prompt and response cache keep it.
    const answer = await redactJsonStrings({ files: [{ path, content }] });
    expect(JSON.stringify(answer)).not.toContain(secret);
  });

  it('the finding says the token shows once the escapes are decoded, at its line and column as written', async () => {
    const content = `// banner\nexport const banner = "Deploy key:\\n${TOKEN}";\n`;
    const findings = await gateFindings('src/banner.ts', content);
    expect(findings).toHaveLength(1);
    const column = content.split('\n')[1]?.indexOf('ghp_') ?? -1;
    expect(findings[0]?.message).toMatch(
      new RegExp(`^line 2, column ${column + 1}, once its escapes are decoded: GitHub`),
    );
    expect(findings[0]?.message).not.toContain(TOKEN);
  });

  it('the token is redacted in place: the rest of the file, escapes included, is kept', async () => {
    const content = `export const banner = "Deploy key:\\n${TOKEN}\\tend";\nexport const n = 1;\n`;
    const kept = await stored('src/banner.ts', content);
    expect(kept).toMatch(
      /^export const banner = "Deploy key:\\n\[REDACTED:[a-z-]+\]\\tend";\nexport const n = 1;\n$/,
    );
  });

  it('a token found as written is not reported again once decoded', async () => {
    const content = `const a = "x\\ny";\nconst token = "${TOKEN}";\n`;
    const found = await findFileSecrets({ path: 'src/a.ts', content });
    expect(found.asWritten).toHaveLength(1);
    expect(found.decoded).toHaveLength(0);
    expect(await gateFindings('src/a.ts', content)).toHaveLength(1);
  });

  it('a file with ordinary escapes and no secret passes the gate and is stored byte for byte', async () => {
    const content = [
      'const re = /\\d+\\.\\d+/;',
      "const quote = 'it''s';",
      'const lines = "a\\nb\\tc\\u0041\\x41\\\\n";',
      'print(f"{name}:\\n{value}")',
      '',
    ].join('\n');
    expect(await gateFindings('src/a.ts', content)).toHaveLength(0);
    expect(await stored('src/a.ts', content)).toBe(content);
  });

  it(`a file escaped more than ${MAX_ESCAPE_LEVELS} levels deep is refused and withheld, not passed`, async () => {
    const deep = `const s = "${'\\'.repeat(2 ** (MAX_ESCAPE_LEVELS + 1))}n";\n`;
    const findings = await gateFindings('src/deep.ts', deep);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/escapes are nested more than 8 levels deep, so it was not checked/),
    ]);
    expect(await stored('src/deep.ts', deep)).toBe(NOT_SCANNED_MARKER);
    expect(await redactSecrets(deep, 'src/deep.ts')).toBe(NOT_SCANNED_MARKER);
  });

  it(`a file escaped ${MAX_ESCAPE_LEVELS} levels deep is still read (the bound is not reached)`, async () => {
    const within = `const s = "${'\\'.repeat(2 ** (MAX_ESCAPE_LEVELS - 1))}n";\n`;
    expect(await gateFindings('src/within.ts', within)).toHaveLength(0);
    expect(await stored('src/within.ts', within)).toBe(within);
  });

  it('a JSON file is still read by its strings (its escapes decoded by the document walk)', async () => {
    const content = `{"banner": "Deploy key:\\n${TOKEN}"}\n`;
    const findings = await gateFindings('config/banner.json', content);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^at banner, once its escapes are decoded: GitHub/),
    ]);
    expect(await stored('config/banner.json', content)).not.toContain(TOKEN);
  });
});

describe('fix15a: base64 of a token in adjacent quoted pieces', () => {
  const encoded = Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`).toString('base64');
  /** `encoded` cut into pieces of uneven widths (not multiples of four), as a person splits it. */
  const pieces = [encoded.slice(0, 7), encoded.slice(7, 30), encoded.slice(30, 41), encoded.slice(41)];

  it.each([
    [
      'Python implicit concatenation on one line',
      'app/a.py',
      `X = b64decode(${pieces.map((p) => `"${p}"`).join(' ')})\n`,
    ],
    [
      'Python, parenthesised over lines in single quotes',
      'app/a.py',
      `X = (\n${pieces.map((p) => `    '${p}'`).join('\n')}\n)\n`,
    ],
    ['JavaScript with +', 'src/a.js', `const x = atob(${pieces.map((p) => `'${p}'`).join(' + ')});\n`],
    [
      'TypeScript with + over lines',
      'src/a.ts',
      `const x = Buffer.from(\n  ${pieces.map((p) => `"${p}"`).join(' +\n  ')},\n  'base64');\n`,
    ],
    [
      'a !Join list quoted in Markdown (commas join its pieces)',
      'docs/setup.md',
      `UserData: !Join ['', [${pieces.map((p) => `'${p}'`).join(', ')}]]\n`,
    ],
  ])('%s: refused by the gate, and no piece is stored', async (_name, path, content) => {
    expect(await gateFindings(path, content)).not.toHaveLength(0);
    const kept = await stored(path, content);
    for (const piece of pieces) expect(kept).not.toContain(piece);
    expect(kept).toContain('[REDACTED:');
  });

  it('pieces of base64 that decode to harmless text pass the gate and are stored as written', async () => {
    const harmless = Buffer.from('hello world, this is only a greeting for the logs\n').toString('base64');
    const content = `GREETING = (\n    "${harmless.slice(0, 13)}"\n    "${harmless.slice(13)}"\n)\n`;
    expect(await gateFindings('app/greeting.py', content)).toHaveLength(0);
    expect(await stored('app/greeting.py', content)).toBe(content);
  });

  it('a long base64 text in thousands of pieces is joined whole (no piece count cuts it short)', async () => {
    const long = Buffer.from(
      `${'harmless line of configuration\n'.repeat(300)}GITHUB_TOKEN=${TOKEN}\n`,
    ).toString('base64');
    const split = long.match(/.{1,5}/g) ?? [];
    expect(split.length).toBeGreaterThan(2000);
    const content = `DATA = (\n${split.map((p) => `    "${p}"`).join('\n')}\n)\n`;
    expect(await gateFindings('app/data.py', content)).not.toHaveLength(0);
  });

  it('a word between base64 pieces ends the join: the value is no base64 as a whole', async () => {
    const content = `X = ("${pieces[0]}" "${pieces[1]}" "not base64!" "${pieces[2]}" "${pieces[3]}")\n`;
    expect(await gateFindings('app/a.py', content)).toHaveLength(0);
  });
});
