/**
 * Review 14b (issue #10): numbers in a template were read from their parsed value, so a
 * parameter's `Default: 0012345678` was the text `12345678` and a long JSON number was
 * `1.2345678901234568e+21`; the stack is given the text as written, and so must the secrets scan.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { withScalarsAsWritten } from '../../../src/core/secrets/scalars-as-written.js';

const LETTERS = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ';

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

const lambdaWith = (token: string, more: string) =>
  `${more}Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          TOKEN: ${token}\n`;

describe('numbers read as written', () => {
  it('a YAML Default with leading zeros keeps them in !Sub', async () => {
    const template = lambdaWith(
      `!Sub 'ghp_${LETTERS}\${Tail}'`,
      'Parameters:\n  Tail:\n    Type: Number\n    Default: 0012345678\n',
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('a JSON Default too long for a double keeps its digits', async () => {
    const head = LETTERS.slice(0, 14);
    const template = `{"Parameters": {"Tail": {"Type": "Number", "Default": 1234567890123456789012}},
      "Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables":
      {"TOKEN": {"Fn::Sub": "ghp_${head}\${Tail}"}}}}}}}`;
    expect(await gateRefuses('template.json', template)).toBe(true);
  });

  it('a number in Mappings and a !Join item keep their text', async () => {
    const mapped = lambdaWith(
      `!Join ['', ['ghp_${LETTERS}', !FindInMap [M, K, Tail]]]`,
      'Mappings:\n  M:\n    K:\n      Tail: 0012345678\n',
    );
    expect(await gateRefuses('template.yaml', mapped)).toBe(true);
    expect(
      await gateRefuses('template.yaml', lambdaWith(`!Join ['', ['ghp_${LETTERS}', 0012345678]]`, '')),
    ).toBe(true);
  });

  it('harmless numbers pass', async () => {
    const template = lambdaWith(
      `!Sub 'port-\${Port}'`,
      'Parameters:\n  Port:\n    Type: Number\n    Default: 08080\n',
    );
    expect(await gateRefuses('template.yaml', template)).toBe(false);
  });

  it('gives the texts of numbers and booleans, and leaves a template without them as it is', () => {
    const text = 'A: 0012\nB: 1e3\nC: True\nD: text\nE: [0x1F, !Ref X]\n';
    expect(withScalarsAsWritten(text, { A: 12, B: 1000, C: true, D: 'text', E: [31, { Ref: 'X' }] })).toEqual(
      {
        A: '0012',
        B: '1e3',
        C: 'True',
        D: 'text',
        E: ['0x1F', { Ref: 'X' }],
      },
    );
    const plain = { D: 'text' };
    expect(withScalarsAsWritten('D: text\n', plain)).toBe(plain);
  });
});
