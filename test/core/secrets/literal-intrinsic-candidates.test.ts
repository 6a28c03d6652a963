/**
 * literalIntrinsicContexts reads every intrinsic that can assemble a string from literals as its
 * candidates (each value it may have): Fn::FindInMap (an unknown key: every entry; DefaultValue),
 * Fn::Split, Fn::If (both branches, one of them unknown too), Fn::Select (an unknown index: every
 * item), list parameters, Fn::Base64 read decoded; bounded, failing closed past its bound.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactInContext } from '../../../src/core/secrets/redact-in-context.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { TOO_MANY_SECRETS_MARKER } from '../../../src/core/secrets/secret-markers.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const HEAD = BODY.slice(0, 18);
const TAIL = BODY.slice(18);
const BOUNDS = { depth: 0, maxDepth: 128 };

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

const lambdaWith = (variables: string, more = '') =>
  `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          TOKEN: ${variables}\n${more}`;

const REGIONAL = `Mappings:\n  Tokens:\n    eu-west-1:\n      Rest: x\n    us-east-1:\n      Rest: ${BODY}\n`;

describe('literal intrinsics read as candidates: refused', () => {
  it('!FindInMap with a key not known before the stack runs (AWS::Region) reads every entry', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !FindInMap [Tokens, !Ref 'AWS::Region', Rest]]]`,
      REGIONAL,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it("!FindInMap's DefaultValue (AWS::LanguageExtensions) is a candidate", async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !FindInMap [Tokens, nowhere, Rest, {DefaultValue: '${BODY}'}]]]`,
      REGIONAL,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!If with one branch unknown (AWS::NoValue) still reads the literal branch', async () => {
    const template = lambdaWith(`!Join ['', ['ghp_', !If [C, !Ref 'AWS::NoValue', '${BODY}']]]`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!If inside a !Sub variable map, and !If choosing between two literal lists to join', async () => {
    const inSub = lambdaWith(`!Sub ['ghp_\${R}', {R: !If [C, x, '${BODY}']}]`);
    expect(await gateRefuses('template.yaml', inSub)).toBe(true);
    const lists = lambdaWith(`!Join ['', !If [C, [a, b], ['ghp_${HEAD}', '${TAIL}']]]`);
    expect(await gateRefuses('template.yaml', lists)).toBe(true);
  });

  it('!Select whose index is not known (a parameter without Default) reads every item', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !Select [!Ref I, ['x', '${BODY}']]]]`,
      `Parameters:\n  I:\n    Type: Number\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Select over !Ref to a List<String> parameter, joined to ghp_', async () => {
    const template = lambdaWith(
      `!Join ['', ['ghp_', !Select [1, !Ref Parts]]]`,
      `Parameters:\n  Parts:\n    Type: List<String>\n    Default: 'x,${BODY}'\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Split with a multi-character delimiter, then !Join', async () => {
    const template = lambdaWith(`!Join ['', !Split ['--', 'ghp_${HEAD}--${TAIL}']]`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('!Base64 is read decoded: a join inside UserData is refused', async () => {
    const template = lambdaWith(`!Base64 {'Fn::Join': ['', ['ghp_', !If [C, '${BODY}', y]]]}`);
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('a token split by !Split is redacted by the file redactor, and redactInContext cuts only the split piece', async () => {
    const template = lambdaWith(`!Join ['', ['ghp_', !Select [1, !Split [',', 'keep,${BODY}']]]]`);
    expect(await redactSecrets(template, 'template.yaml')).not.toContain(BODY);
    const value = {
      V: { 'Fn::Join': ['', ['ghp_', { 'Fn::Select': [1, { 'Fn::Split': [',', `keep,${BODY}`] }] }]] },
    };
    const [redacted] = await redactInContext([value], BOUNDS);
    expect(redacted).toEqual({
      V: {
        'Fn::Join': [
          '',
          [
            '[REDACTED:github-token]',
            { 'Fn::Select': [1, { 'Fn::Split': [',', 'keep,[REDACTED:github-token]'] }] },
          ],
        ],
      },
    });
  });

  it('redactInContext redacts the strings of a FindInMap + If join in a JSON value', async () => {
    const value = {
      Mappings: { T: { A: { B: BODY } } },
      Resources: {
        X: {
          V: { 'Fn::Join': ['', [{ 'Fn::If': ['C', 'ghp_', 'y'] }, { 'Fn::FindInMap': ['T', 'A', 'B'] }]] },
        },
      },
    };
    const [redacted] = await redactInContext([value], BOUNDS);
    expect(JSON.stringify(redacted)).not.toContain(BODY);
  });
});

describe('literal intrinsics read as candidates: bounded, and quiet on ordinary templates', () => {
  const ifs = (count: number) =>
    Array.from({ length: count }, (_item, index) => ({ 'Fn::If': [`C${index}`, 'a', 'b'] }));

  it('a join of six two-way !Ifs (64 combinations) is read; seven (128) fail closed (withheld)', async () => {
    const [read] = await redactInContext([{ V: { 'Fn::Join': ['', ifs(6)] } }], BOUNDS);
    expect(JSON.stringify(read)).not.toContain(TOO_MANY_SECRETS_MARKER);
    const [withheld] = await redactInContext([{ V: { 'Fn::Join': ['', ifs(7)] } }], BOUNDS);
    expect(JSON.stringify(withheld)).toContain(TOO_MANY_SECRETS_MARKER);
  });

  it('a !Select with an unknown index over more items than the bound fails closed', async () => {
    const items = Array.from({ length: 65 }, (_item, index) => `item${index}`);
    const [withheld] = await redactInContext([{ V: { 'Fn::Select': [{ Ref: 'I' }, items] } }], BOUNDS);
    expect(JSON.stringify(withheld)).toContain(TOO_MANY_SECRETS_MARKER);
  });

  it('an !If whose branches are one YAML alias, nested ten deep, is one candidate, not 1024', async () => {
    let value: unknown = { 'Fn::Join': ['', ['ghp_', BODY.slice(0, 18)]] };
    for (let level = 0; level < 10; level += 1) value = { 'Fn::If': ['C', value, value] };
    const [redacted] = await redactInContext([{ V: { 'Fn::Join': ['', [value, BODY.slice(18)]] } }], BOUNDS);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain(TOO_MANY_SECRETS_MARKER);
    expect(text).not.toContain(BODY.slice(18));
  });

  it('malformed intrinsics (empty Split delimiter, FindInMap of a missing map, If of two) are unknown, not thrown', async () => {
    const value = {
      A: { 'Fn::Join': ['', { 'Fn::Split': ['', 'abc'] }] },
      B: { 'Fn::Join': ['', ['x', { 'Fn::FindInMap': ['Nope', 'a', 'b'] }]] },
      C: { 'Fn::Join': ['', ['x', { 'Fn::If': ['C', 'a'] }]] },
      D: { 'Fn::Select': ['9', ['a']] },
    };
    const [redacted] = await redactInContext([value], BOUNDS);
    expect(redacted).toEqual(value);
  });

  it('an ordinary template (region map, list parameter, If-chosen names) is not refused', async () => {
    const template = lambdaWith(
      `!Join ['-', [!If [Prod, prod, dev], !FindInMap [Amis, !Ref 'AWS::Region', Id], !Select [0, !Ref Subnets]]]`,
      `Mappings:\n  Amis:\n    eu-west-1:\n      Id: ami-0123456789abcdef0\n    us-east-1:\n      Id: ami-0fedcba9876543210\nParameters:\n  Subnets:\n    Type: CommaDelimitedList\n    Default: 'subnet-1,subnet-2'\n`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(false);
  });
});
