/**
 * Issue #10 (secrets never reach logs or artifacts): JSON written inside a text, escaped once,
 * twice or more, framed by quotes or not, cut off, or spelt with other escapes, goes out redacted
 * on both paths, the deploy log (`redactingLog`) and artifacts (`redactJsonStrings`).
 */
import { redactJsonStrings } from '../../../src/core/secrets/redact-json-strings.js';
import { NOT_SCANNED_MARKER, TOO_MANY_SECRETS_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { redactingLog } from '../../../src/core/secrets/redacting-log.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY as SECRET,
  FAKE_GITHUB_CLASSIC_TOKEN as TOKEN,
  FAKE_SLACK_WEBHOOK_URL as HOOK,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

/** `text` as a JSON string's content: escaped once, without the quotes around it. */
const escaped = (text: string): string => JSON.stringify(text).slice(1, -1);
const document = JSON.stringify({ aws_secret_access_key: SECRET, region: 'eu-west-1' });

/** Each line as the deploy log writes it. */
async function logged(...lines: string[]): Promise<string[]> {
  const written: string[] = [];
  const log = redactingLog((line) => written.push(line));
  for (const line of lines) log.log(line);
  await log.flush();
  return written;
}

const leaks: Record<string, string> = {
  'quoted, escaped once': `reason: ${JSON.stringify(document)}`,
  'quoted, escaped twice': `reason: ${JSON.stringify(JSON.stringify({ body: document }))}`,
  'quoted, escaped three times': `reason: ${JSON.stringify(JSON.stringify(JSON.stringify({ body: document })))}`,
  'escaped twice, no quotes around it': `body: ${escaped(JSON.stringify({ body: document }))}`,
  'escaped twice and cut off': `reason: ${JSON.stringify(JSON.stringify({ body: document })).slice(0, -24)}`,
  'escaped once, unquoted and cut off': `body: ${escaped(document).slice(0, -20)}`,
  'quotes written as \\u0022': `body: ${document.replace(/"/g, '\\u0022')}`,
  'a key spelt with \\u0061': `{"aws_secret_\\u0061ccess_key":"${SECRET}"}`,
  'a value split by \\/ inside an escaped document': `reason: "${escaped(document.replace(/\//g, '\\/'))}"`,
  'a value split by \\/ in a document cut off': `{"aws_secret_access_key":"${SECRET.replace(/\//g, '\\/')}", "reg`,
  'a webhook URL split by \\/': `hook: ${HOOK.replace(/\//g, '\\/')}`,
  'a token split by \\u00XX in a truncated escaped document': `"{\\"t\\":\\"${TOKEN.slice(0, 4)}\\\\u00${TOKEN.charCodeAt(4).toString(16)}${TOKEN.slice(5)}`,
  'JSON in a YAML double-quoted scalar': `Parameters: {Config: "${escaped(document)}"}`,
  'JSON in a YAML single-quoted scalar': `Parameters: {Config: '${document}'}`,
  'a Python-style dict in a YAML single-quoted scalar (quotes doubled)': `Config: '{''aws_secret_access_key'': ''${SECRET}''}'`,
  'a token split by a YAML \\x escape': `Config: "${TOKEN.slice(0, 4)}\\x${TOKEN.charCodeAt(4).toString(16)}${TOKEN.slice(5)}"`,
};

describe('escaped JSON in a text goes out redacted, on the log and in artifacts alike', () => {
  it.each(Object.entries(leaks))('%s', async (_name, text) => {
    const [line] = await logged(text);
    const artifact = await redactJsonStrings({ message: text });
    for (const written of [line ?? '', artifact.message]) {
      expect(written).toContain('[REDACTED:');
      for (const secret of [SECRET, TOKEN, HOOK]) expect(written).not.toContain(secret);
      // Nor what is left of one once its escapes are taken out.
      expect(written.replace(/\\/g, '')).not.toContain(SECRET.slice(0, 14));
      expect(written).not.toContain(TOKEN.slice(5));
    }
  });

  it('redacts in place: everything but the secret stays as written, escapes included', async () => {
    const line = `CREATE_FAILED Config: "${escaped(document)}" (Service: Lambda)`;
    expect(await logged(line)).toEqual([
      `CREATE_FAILED Config: "${escaped(document).replace(SECRET, '[REDACTED:aws-secret-access-key]')}" (Service: Lambda)`,
    ]);
  });

  it('leaves a text with escapes but no secret exactly as written', async () => {
    const line = `Resource handler returned message: "{\\"errorCode\\":\\"AccessDenied\\",\\"path\\":\\"C:\\\\Users\\\\x\\"}" \\x41 \\q`;
    expect(await logged(line)).toEqual([line]);
    await expect(redactJsonStrings(line)).resolves.toBe(line);
  });

  it('scans a model file quoted in a log line as that file (an .npmrc token in escaped JSON)', async () => {
    const npmrc = '//registry.npmjs.org/:_authToken=a1b2c3d4-e5f6-7890-abcd-ef1234567890\n';
    const answer = JSON.stringify({ files: [{ path: '.npmrc', content: npmrc }] });
    const [line] = await logged(`answer: ${JSON.stringify(answer)}`);
    expect(line).not.toContain('a1b2c3d4-e5f6-7890-abcd-ef1234567890');
  });
});

describe('hostile shapes are bounded and fail closed', () => {
  it('a NUL written as \\u0000 beside an escaped secret does not split the scan', async () => {
    const text = `a "\\u0000" then "${escaped(document)}" and "\\u0000"`;
    const [line] = await logged(text);
    expect(line).not.toContain(SECRET);
    expect(line).toContain('[REDACTED:aws-secret-access-key]');
  });

  it('more than 20 secrets of a kind in escaped strings withhold the text whole', async () => {
    const lines = Array.from({ length: 25 }, (_, index) =>
      JSON.stringify(`{"aws_secret_access_key":"${SECRET.slice(0, 38)}${String(index).padStart(2, '0')}"}`),
    );
    await expect(redactJsonStrings(lines.join(' '))).resolves.toBe(TOO_MANY_SECRETS_MARKER);
  });

  it('a document nested past the walk limit goes as a marker, not a crash', async () => {
    const depth = 20_000;
    const text = `x ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)} y`;
    const redacted = await redactJsonStrings(text);
    expect(redacted).toContain(NOT_SCANNED_MARKER);
    expect(redacted.startsWith('x {"a":{"a":')).toBe(true);
  });

  it('nested objects that each fail to parse exhaust the search: the text is withheld', async () => {
    const depth = 20_000;
    const text = `${'{"a":'.repeat(depth)}x${'}'.repeat(depth)} ${SECRET.slice(0, 8)}`;
    await expect(redactJsonStrings(text)).resolves.toBe(NOT_SCANNED_MARKER);
  });

  it('text escaped eight times over is still decoded and redacted', async () => {
    let text = document;
    for (let level = 0; level < 8; level += 1) text = JSON.stringify(text);
    const [line] = await logged(`reason: ${text}`);
    expect(line).not.toContain(SECRET);
    expect(line).toContain('[REDACTED:aws-secret-access-key]');
  });

  it('escapes nested past any writer (2^17 backslashes) withhold the text', async () => {
    await expect(redactJsonStrings(`${'\\'.repeat(1 << 17)}"`)).resolves.toBe(NOT_SCANNED_MARKER);
  });

  it('unclosed openers are read through, and a secret after them is still found', async () => {
    const text = `${'{"'.repeat(40_000)} ${escaped(document)}`;
    const [line] = await logged(text);
    expect(line).not.toContain(SECRET);
    expect(line).toContain('[REDACTED:aws-secret-access-key]');
  });
});
