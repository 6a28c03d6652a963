// Attacker pass 9o (test-only) on the setting-source fingerprint of the data-expiry rule
// (src/core/risk/setting-source.ts, data-expiry-risks.ts): a setting whose text, parameters,
// conditions and mappings are the same on the base branch is unchanged (low). Attacked: the
// parameters a setting reads without `Ref` (`Fn::Sub` `${Name}`), which the value reader follows
// (read-template-value.ts readSub) but the fingerprint does not, so a parameter's definition can
// change under an identical setting text; and controls that the fingerprint holds for `Ref`,
// `Fn::Sub` variable maps, conditions and mappings.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';
import { TEMPLATE } from './risk-of.js';

const KEEP = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
type Properties = Record<string, unknown>;

const template = (Type: string, Properties: Properties, extra: Properties = {}) =>
  JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    ...extra,
    Resources: { Data: { Type, ...KEEP, Properties } },
  });

/** The change writes `head` at the deployed template's path; the base branch has `base` there. */
function riskOf(head: string, base: string): RiskAssessment {
  return classifyRisk({
    files: [{ path: TEMPLATE, content: head, role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: TEMPLATE, content: base }],
  });
}
const expiry = (risk: RiskAssessment) => risk.reasons.filter((reason) => reason.code === 'data-expiry');

const status = (allowed: string[], Default: string) => ({
  Parameters: { Status: { Type: 'String', AllowedValues: allowed, Default } },
});
const days = (allowed: string[], Default: string) => ({
  Parameters: { Days: { Type: 'Number', AllowedValues: allowed, Default } },
});

describe('attacker 9o: a parameter read by Fn::Sub, its definition changed under the same text', () => {
  it("FAULT: versioning Status !Sub '${Status}', only the parameter's Default changed (Enabled to Suspended), is high", () => {
    const bucket = { VersioningConfiguration: { Status: { 'Fn::Sub': '${Status}' } } };
    const base = template('AWS::S3::Bucket', bucket, status(['Enabled', 'Suspended'], 'Enabled'));
    const head = template('AWS::S3::Bucket', bucket, status(['Enabled', 'Suspended'], 'Suspended'));
    expect(riskOf(head, base).level).toBe('high');
  });

  it("FAULT: versioning Status !Sub '${Status}', the parameter's AllowedValues widened from [Enabled] to [Enabled, Suspended], is high", () => {
    const bucket = { VersioningConfiguration: { Status: { 'Fn::Sub': '${Status}' } } };
    const base = template('AWS::S3::Bucket', bucket, status(['Enabled'], 'Enabled'));
    const head = template('AWS::S3::Bucket', bucket, status(['Enabled', 'Suspended'], 'Suspended'));
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it("FAULT: a log group's RetentionInDays !Sub '${Days}', AllowedValues ['3653'] widened to ['1', '3653'] with Default 1, is high", () => {
    const group = { RetentionInDays: { 'Fn::Sub': '${Days}' } };
    const base = template('AWS::Logs::LogGroup', group, days(['3653'], '3653'));
    const head = template('AWS::Logs::LogGroup', group, days(['1', '3653'], '1'));
    expect(riskOf(head, base).level).toBe('high');
  });

  it("FAULT: a condition reading the parameter by Fn::Sub, only the parameter's Default changed (the branch flips from 3653 to 7 days), is high", () => {
    const extra = (Default: string) => ({
      Parameters: { Stage: { Type: 'String', AllowedValues: ['archive', 'scratch'], Default } },
      Conditions: { Archive: { 'Fn::Equals': [{ 'Fn::Sub': '${Stage}' }, 'archive'] } },
    });
    const group = { RetentionInDays: { 'Fn::If': ['Archive', 3653, 7] } };
    const base = template('AWS::Logs::LogGroup', group, extra('archive'));
    const head = template('AWS::Logs::LogGroup', group, extra('scratch'));
    expect(riskOf(head, base).level).toBe('high');
  });

  it('refused: the same change written with Ref (the parameter in the fingerprint) is high', () => {
    const bucket = { VersioningConfiguration: { Status: { Ref: 'Status' } } };
    const base = template('AWS::S3::Bucket', bucket, status(['Enabled'], 'Enabled'));
    const head = template('AWS::S3::Bucket', bucket, status(['Enabled', 'Suspended'], 'Suspended'));
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('refused: the same change through a Fn::Sub variable map ({ S: !Ref Status }) is high', () => {
    const bucket = {
      VersioningConfiguration: { Status: { 'Fn::Sub': ['${S}', { S: { Ref: 'Status' } }] } },
    };
    const base = template('AWS::S3::Bucket', bucket, status(['Enabled'], 'Enabled'));
    const head = template('AWS::S3::Bucket', bucket, status(['Enabled', 'Suspended'], 'Suspended'));
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it("refused: a mapping read by Fn::FindInMap, only the mapping's value changed (Enabled to Suspended), is high", () => {
    const bucket = {
      VersioningConfiguration: { Status: { 'Fn::FindInMap': ['Versioning', 'all', 'status'] } },
    };
    const mapping = (value: string) => ({ Mappings: { Versioning: { all: { status: value } } } });
    const base = template('AWS::S3::Bucket', bucket, mapping('Enabled'));
    const head = template('AWS::S3::Bucket', bucket, mapping('Suspended'));
    expect(riskOf(head, base).level).toBe('high');
  });

  it('control: the Fn::Sub setting with its parameter unchanged is low', () => {
    const bucket = { VersioningConfiguration: { Status: { 'Fn::Sub': '${Status}' } } };
    const base = template('AWS::S3::Bucket', bucket, status(['Enabled', 'Suspended'], 'Enabled'));
    expect(expiry(riskOf(base, base))).toHaveLength(0);
  });
});

describe('fix 14e: the fingerprint reads what the value reader reads (templateReferences)', () => {
  it("the list form !Sub ['${Status}', {}], the parameter's AllowedValues widened, is high", () => {
    const bucket = { VersioningConfiguration: { Status: { 'Fn::Sub': ['${Status}', {}] } } };
    const base = template('AWS::S3::Bucket', bucket, status(['Enabled'], 'Enabled'));
    const head = template('AWS::S3::Bucket', bucket, status(['Enabled', 'Suspended'], 'Suspended'));
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it("a condition reading the parameter through a Sub nested in another Sub's variable map, only its Default changed, is high", () => {
    const extra = (Default: string) => ({
      Parameters: { Stage: { Type: 'String', AllowedValues: ['archive', 'scratch'], Default } },
      Conditions: {
        Archive: { 'Fn::Equals': [{ 'Fn::Sub': ['${S}', { S: { 'Fn::Sub': '${ Stage }' } }] }, 'archive'] },
      },
    });
    const group = { RetentionInDays: { 'Fn::If': ['Archive', 3653, 7] } };
    const base = template('AWS::Logs::LogGroup', group, extra('archive'));
    const head = template('AWS::Logs::LogGroup', group, extra('scratch'));
    expect(riskOf(head, base).level).toBe('high');
  });

  it('control: a Sub placeholder bound by its own variable map does not read the parameter of that name', () => {
    const extra = (Default: string) => ({
      Parameters: { Stage: { Type: 'String', AllowedValues: ['archive', 'scratch'], Default } },
      Conditions: {
        Archive: { 'Fn::Equals': [{ 'Fn::Sub': ['${Stage}', { Stage: 'archive' }] }, 'archive'] },
      },
    });
    const group = { RetentionInDays: { 'Fn::If': ['Archive', 3653, 7] } };
    const base = template('AWS::Logs::LogGroup', group, extra('archive'));
    const head = template('AWS::Logs::LogGroup', group, extra('scratch'));
    expect(expiry(riskOf(head, base))).toHaveLength(0);
  });
});
