import { isPlainObject } from '../cfn/is-plain-object.js';
import { readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * `identity`: attached to a role, user or group (no Principal). `resource`: a resource's own policy,
 * whose Principal says who gets in. `key`: a KMS key policy, where `"Resource": "*"` means "this
 * key" (AWS KMS Developer Guide, "Key policies in AWS KMS"), so its Resource is not a wildcard.
 */
export type PolicyKind = 'identity' | 'resource' | 'key';

export interface PolicyFindings {
  readonly reasons: readonly RiskReason[];
  /** Some statement may Allow something (Deny statements only take access away). */
  readonly grants: boolean;
}

/**
 * The wildcard and unknown parts of one IAM policy document (long-form template value). Only
 * statements that may Allow are judged: an explicit Deny overrides any Allow and can only narrow
 * access (IAM User Guide, "Policy evaluation logic"). A statement whose Effect, Action, Resource or
 * Principal cannot be read before deploying (a parameter, `Fn::ImportValue`...) counts as broad,
 * and the reason says which value was unreadable. Never throws on malformed input.
 */
export function policyDocumentRisks(params: {
  document: unknown;
  kind: PolicyKind;
  where: string;
  context: TemplateValueContext;
}): PolicyFindings {
  const { where, context } = params;
  const document = typeof params.document === 'string' ? parseJson(params.document) : params.document;
  if (!isPlainObject(document))
    return {
      grants: true,
      reasons: [
        { code: 'unresolved-value', where, message: 'The policy document cannot be read; treated as broad.' },
      ],
    };
  const statement = document['Statement'];
  const statements = Array.isArray(statement) ? statement : [statement];
  const reasons: RiskReason[] = [];
  let grants = false;
  statements.forEach((item, index) => {
    const at = Array.isArray(statement) ? `${where}.Statement[${index}]` : `${where}.Statement`;
    if (!isPlainObject(item)) {
      grants = true;
      reasons.push({
        code: 'unresolved-value',
        where: at,
        message: 'A statement cannot be read; treated as broad.',
      });
      return;
    }
    const effect = readTemplateValue(item['Effect'], context);
    if (effect.known && effect.texts.length > 0 && effect.texts.every((text) => text === 'Deny')) return;
    grants = true;
    reasons.push(...statementRisks({ statement: item, kind: params.kind, where: at, context }));
  });
  return { reasons, grants };
}

function statementRisks(params: {
  statement: Record<string, unknown>;
  kind: PolicyKind;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const { statement, where, context } = params;
  const reasons: RiskReason[] = [];
  const unreadable = (element: string, why: string): RiskReason => ({
    code: 'unresolved-value',
    where: `${where}.${element}`,
    message: `${element} depends on ${why}; treated as broad.`,
  });
  if ('NotAction' in statement)
    reasons.push({
      code: 'wildcard-action',
      where: `${where}.NotAction`,
      message: 'Allows every action except those listed (NotAction).',
    });
  const actions = readTemplateValue(statement['Action'], context);
  if (!actions.known) reasons.push(unreadable('Action', actions.why));
  else {
    const wild = actions.texts.filter(isBroadAction);
    if (wild.length > 0)
      reasons.push({
        code: 'wildcard-action',
        where: `${where}.Action`,
        message: `Allows wildcard actions: ${quoteAll(wild)}.`,
      });
  }
  if ('NotResource' in statement)
    reasons.push({
      code: 'wildcard-resource',
      where: `${where}.NotResource`,
      message: 'Applies to every resource except those listed (NotResource).',
    });
  if (params.kind !== 'key' && 'Resource' in statement) {
    const resources = readTemplateValue(statement['Resource'], context);
    if (!resources.known) reasons.push(unreadable('Resource', resources.why));
    else {
      const broad = resources.texts.filter(isBroadResource);
      if (broad.length > 0)
        reasons.push({
          code: 'wildcard-resource',
          where: `${where}.Resource`,
          message: `Applies to wildcard resources: ${quoteAll(broad)}.`,
        });
    }
  }
  if (params.kind !== 'identity') reasons.push(...principalRisks({ statement, where, context }));
  return reasons;
}

function principalRisks(params: {
  statement: Record<string, unknown>;
  where: string;
  context: TemplateValueContext;
}): RiskReason[] {
  const { statement, where } = params;
  if ('NotPrincipal' in statement)
    return [
      {
        code: 'wildcard-principal',
        where: `${where}.NotPrincipal`,
        message: 'Allows everyone except the principals listed (NotPrincipal).',
      },
    ];
  const principal = statement['Principal'];
  if (principal === undefined) return [];
  // `"Principal": "*"` and `{"AWS": "*"}` both mean anyone (IAM User Guide, "AWS JSON policy elements: Principal").
  const values = principalBranches(principal).flatMap((option) =>
    isPlainObject(option) && !isIntrinsic(option) ? Object.values(option) : [option],
  );
  const read = values.map((value) => readTemplateValue(value, params.context));
  const missing = read.find((value) => !value.known);
  if (missing && !missing.known)
    return [
      {
        code: 'unresolved-value',
        where: `${where}.Principal`,
        message: `Principal depends on ${missing.why}; treated as broad.`,
      },
    ];
  const anyone = read.some((value) => value.known && value.texts.includes('*'));
  return anyone
    ? [{ code: 'wildcard-principal', where: `${where}.Principal`, message: 'Allows any principal ("*").' }]
    : [];
}

/** A principal chosen with `Fn::If` is either branch; both are judged. */
function principalBranches(principal: unknown): unknown[] {
  if (isPlainObject(principal) && Array.isArray(principal['Fn::If']) && principal['Fn::If'].length === 3)
    return [principal['Fn::If'][1], principal['Fn::If'][2]].flatMap(principalBranches);
  return [principal];
}

function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] ?? '').startsWith('Fn::'));
}

/**
 * An action pattern that grants a whole service or more: `*`, `s3:*`, or a name that starts with a
 * wildcard (`iam:*Policy`). A verb prefix such as `kms:Describe*` stays within one kind of action.
 */
export function isBroadAction(text: string): boolean {
  const [service, name] = text.trim().split(':', 2);
  if (name === undefined) return (service ?? '').includes('*');
  return (service ?? '').includes('*') || name.startsWith('*');
}

/**
 * A resource that names no one thing: `*`, any ARN whose service is a wildcard, or whose resource
 * part starts with one or is only a type and a wildcard (`table/*`, `function:*`). A path under one
 * named thing (`${Bucket.Arn}/*`, `arn:aws:s3:::site/*`, `log-group:/aws/lambda/x:*`) is scoped to it.
 */
export function isBroadResource(text: string): boolean {
  if (text.trim() === '*') return true;
  const arn = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/s.exec(text);
  if (arn === null) return text.startsWith('*');
  const service = arn[1] ?? '';
  const resource = arn[2] ?? '';
  if (service.includes('*') || resource.startsWith('*')) return true;
  // S3 ARNs have no resource type: `bucket/*` is every object of one bucket.
  return service !== 's3' && /^[^/:*]+[/:]\*$/.test(resource);
}

function quoteAll(texts: readonly string[]): string {
  return [...new Set(texts)].map((text) => `"${text}"`).join(', ');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
