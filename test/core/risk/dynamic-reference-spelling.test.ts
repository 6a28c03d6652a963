// Fixes of attacker pass 9k on dynamic references: every reader shares one syntax
// (dynamic-reference-syntax.ts), so `{{`, spaces and `resolve` in any case are a reference, and
// anything `{{…resolve…}}`-like that is not read is unknown; a new secret is no place to copy one.
import { describe, expect, it } from '@jest/globals';
import { findDynamicReferences } from '../../../src/core/risk/find-dynamic-references.js';
import { readTemplateValue } from '../../../src/core/risk/read-template-value.js';
import { QUEUE, reasonsOf, riskOf } from './risk-of.js';

const NO_CONTEXT = { parameters: undefined };

const tagged = (value: unknown) => ({
  Resources: { Q: { ...QUEUE, Properties: { Tags: [{ Key: 'k', Value: value }] } } },
});

describe('dynamic references in any case and spacing', () => {
  it.each([
    ['a capitalised service', '{{resolve:SecretsManager:db}}', 'secretsmanager'],
    ['a capitalised resolve', '{{Resolve:ssm-secure:db}}', 'ssm-secure'],
    ['spaces and a tab around the parts', '{{\t resolve : ssm :db}}', 'ssm'],
    ['a line break after the braces', '{{\nresolve:ssm:db}}', 'ssm'],
  ])('%s is read as a reference of its service', (_name, text, kind) => {
    expect(findDynamicReferences(text, 'Value').map((reference) => reference.kind)).toEqual([kind]);
    expect(riskOf(tagged(text)).level).toBe('high');
  });

  it.each([
    ['an unread service', '{{resolve:s3:bucket/key}}'],
    ['a word between the braces and resolve', '{{x resolve:ssm:db}}'],
    ['a second reference spelt oddly after a read one', '{{resolve:ssm:/aws/service/x}}{{ RESOLVE :ssm}}'],
    ['an assembled capitalised resolve', { 'Fn::Sub': '{{${P}RESOLVE:ssm:db}}' }],
  ])('%s is unknown: not low', (_name, value) => {
    expect(riskOf(tagged(value)).level).toBe('high');
  });

  it('a value read for a rule (an ingress CIDR) is unknown when it may be a reference in any spelling', () => {
    for (const text of ['{{ resolve:ssm:cidr }}', '{{RESOLVE:ssm:cidr}}', '{{resolve:S3:x}}'])
      expect(readTemplateValue(text, NO_CONTEXT).known).toBe(false);
    expect(readTemplateValue({ 'Fn::Sub': '{{Resolve:ssm:${AWS::Region}}}' }, NO_CONTEXT).known).toBe(false);
  });

  it('text with braces but no resolve stays a plain value', () => {
    expect(readTemplateValue('{{name}}', NO_CONTEXT)).toEqual({ known: true, texts: ['{{name}}'] });
    expect(reasonsOf(tagged('{{name}} resolved'))).toEqual([]);
  });
});

describe('secret sinks: a destination no wider than the secret', () => {
  const secret = (properties: Record<string, unknown>) => ({
    Resources: { S: { Type: 'AWS::SecretsManager::Secret', Properties: properties } },
  });

  it.each([
    ['a Secrets Manager secret', '{{resolve:secretsmanager:prod/db:SecretString:password}}'],
    ['a SecureString parameter', '{{resolve:ssm-secure:/prod/db/password}}'],
    ['a Parameter Store parameter', '{{resolve:ssm:/prod/db/password}}'],
  ])("%s copied into a new secret's SecretString is data-egress", (_name, reference) => {
    expect(reasonsOf(secret({ Name: 'app/copy', SecretString: reference }))).toContain(
      'data-egress Resources.S.Properties.SecretString',
    );
  });

  it('a reference built into a new secret with Fn::Sub is data-egress', () => {
    expect(
      reasonsOf(secret({ SecretString: { 'Fn::Sub': '{"password":"{{resolve:secretsmanager:prod/db}}"}' } })),
    ).toContain('data-egress Resources.S.Properties.SecretString');
  });

  it("a DB instance's MasterUserPassword (write-only) still takes a secret", () => {
    const reasons = reasonsOf({
      Resources: {
        Db: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}' },
        },
      },
    });
    expect(reasons.filter((reason) => reason.startsWith('data-egress'))).toEqual([]);
  });
});
