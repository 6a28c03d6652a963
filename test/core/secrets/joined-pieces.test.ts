import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import { quotedPieceRuns } from '../../../src/core/secrets/quoted-piece-runs.js';
import { redactJsonStrings } from '../../../src/core/secrets/redact-json-strings.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import {
  FAKE_GITHUB_CLASSIC_TOKEN as TOKEN,
  FAKE_RSA_KEY_BODY_LINES,
  fakeRsaPrivateKey,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { bundleOf, file } from '../gates/bundle-fixtures.js';

/**
 * A secret written in pieces that a reader joins: a PEM key as a `!Join` list of quoted lines,
 * quoted inside plain text (a YAML scalar, a Markdown code block, a log line) or as `Fn::Join`
 * JSON; a token joined with `''` (`['ghp_', 'abc…']`, `'ghp_' + 'abc…'`). Only the parsed
 * document's array lines were read together (and only with line breaks), so none of these was
 * redacted in text, and the secrets gate never read pieces together at all.
 */
const PEM_LINES = fakeRsaPrivateKey('\n').split('\n');
const HALF = 10;
const quoted = (lines: readonly string[], quote = "'") => lines.map((line) => `${quote}${line}${quote}`);
const FLOW_JOIN = `!Join ['', [${quoted(PEM_LINES).join(', ')}]]`;
const BLOCK_JOIN = [
  'Resources:',
  '  Key:',
  '    Type: AWS::SSM::Parameter',
  '    Properties:',
  '      Type: String',
  '      Value: !Join',
  "        - ''",
  '        - - ' + (PEM_LINES[0] ?? ''),
  ...PEM_LINES.slice(1).map((line) => `          - ${line}`),
  '',
].join('\n');

/** Every 16-character stretch of the key's body or the token: none may be left. */
function leftovers(text: string): string[] {
  const values = [...FAKE_RSA_KEY_BODY_LINES, TOKEN.slice(HALF)];
  return values.filter((value) => value.length >= 16 && text.includes(value.slice(0, 16)));
}

describe('secrets written in joined pieces', () => {
  it('FAULT: a !Join PEM key quoted inside a Markdown line is redacted from every piece', async () => {
    const text = `The template sets the key with \`Value: ${FLOW_JOIN}\` — see the run.`;
    const redacted = await redactSecrets(text);
    expect(leftovers(redacted)).toEqual([]);
    expect(redacted).toContain('[REDACTED:private-key]');
    expect(redacted.startsWith('The template sets the key with `Value: !Join')).toBe(true);
  });

  it('FAULT: an Fn::Join of a token in two halves, as JSON text in a log line, is redacted', async () => {
    const line = `status reason: {"Fn::Join": ["", ["${TOKEN.slice(0, HALF)}", "${TOKEN.slice(HALF)}"]]}`;
    const redacted = await redactSecrets(line);
    expect(leftovers(redacted)).toEqual([]);
    expect(redacted).toContain('[REDACTED:github-token]');
  });

  it('FAULT: a token concatenated with + in code is redacted, and the code around it stays', async () => {
    const code = `const token = '${TOKEN.slice(0, HALF)}' +\n  '${TOKEN.slice(HALF)}';\nconsole.log(token);`;
    const redacted = await redactSecrets(code);
    expect(leftovers(redacted)).toEqual([]);
    expect(redacted).toContain('console.log(token);');
  });

  it('FAULT: a YAML string value holding the !Join text goes redacted through the JSON walk', async () => {
    const [redacted] = await redactJsonStrings([{ note: FLOW_JOIN }]);
    expect(leftovers(JSON.stringify(redacted))).toEqual([]);
  });

  it('FAULT: the secrets gate refuses a template holding a !Join PEM key, block or flow', async () => {
    for (const content of [BLOCK_JOIN, `Value: ${FLOW_JOIN}\n`]) {
      const findings = await checkSecrets(
        bundleOf([file('infrastructure/template.yaml', content, 'template')]),
      );
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((finding) => finding.gate === 'secrets')).toBe(true);
      expect(leftovers(JSON.stringify(findings))).toEqual([]);
    }
  });

  it('FAULT: a token in halves as a block list of plain scalars is refused by the gate and hidden by the redactor', async () => {
    const content = [
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          TOKEN: !Join',
      "            - ''",
      `            - - ${TOKEN.slice(0, HALF)}`,
      `              - ${TOKEN.slice(HALF)}`,
      '',
    ].join('\n');
    const path = 'infrastructure/template.yaml';
    const findings = await checkSecrets(bundleOf([file(path, content, 'template')]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('GitHub token')]);
    expect(leftovers(await redactSecrets(content, path))).toEqual([]);
    const [shown] = await redactJsonStrings([{ path, content }]);
    expect(leftovers(JSON.stringify(shown))).toEqual([]);
  });

  it('the gate and the redactor agree: what the gate refuses, the redactor hides', async () => {
    const content = `const token = '${TOKEN.slice(0, HALF)}' + '${TOKEN.slice(HALF)}';\n`;
    const findings = await checkSecrets(bundleOf([file('src/token.ts', content)]));
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('line 1, column 16: GitHub token'),
    ]);
    expect(leftovers(await redactSecrets(content, 'src/token.ts'))).toEqual([]);
  });

  it('leaves ordinary quoted lists alone', async () => {
    const text = `tags: ['orders', 'api', 'staging'] and "a" + "b"`;
    expect(await redactSecrets(text)).toBe(text);
  });

  it('reads pieces once: quotes left open on a line are not tried again', () => {
    // One opening quote, then escaped quotes to the end of the line: no literal closes there.
    const text = `"${'\\"'.repeat(20_000)}\n'a', 'b'`;
    expect(quotedPieceRuns(text).map((run) => run.length)).toEqual([2]);
  });
});

describe('quotedPieceRuns', () => {
  it('takes a list of values as one run and leaves keys out', () => {
    const text = `{"Fn::Join": ["", ["ab", "cd"]], "Name": "x", "Other": "y"}`;
    const runs = quotedPieceRuns(text).map((run) => run.map(({ start, end }) => text.slice(start, end)));
    expect(runs).toEqual([['', 'ab', 'cd']]);
  });
});
