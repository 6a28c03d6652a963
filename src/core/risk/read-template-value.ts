import { isPlainObject } from '../cfn/is-plain-object.js';
import { subParts } from '../cfn/template-references.js';
import { resourceType, returnsFreeValue } from './free-value-types.js';
import { MAYBE_DYNAMIC_REFERENCE } from './dynamic-reference-syntax.js';
import type { ParameterScope } from './parameter-origins.js';

/**
 * A template value as the strings it can stand for, or why it cannot be known before deploying.
 * Names of this template's resources and attributes become a placeholder (they name one thing,
 * never a wildcard); parameters are known only through `AllowedValues`.
 */
export type TemplateValue =
  | { readonly known: true; readonly texts: readonly string[] }
  | { readonly known: false; readonly why: string };

/** What a placeholder reads as: no `*`, no `/`, no `:`, so it can widen nothing. */
const NAMED = 'named';
/**
 * What `AWS::AccountId` reads as: the one value known to be this account. A resource's name or
 * attribute (`NAMED`) is not: some names are chosen freely (a log group or SSM parameter named
 * `999999999999`), so in an ARN's account position it may name another account.
 */
const THIS_ACCOUNT = 'this-account';

/** Enough combinations for any policy we write; past it the value is called unknown, not guessed. */
const MAX_TEXTS = 64;

/**
 * A template's parameters (and, for a nested template, what its parents pass: `parameterOrigins`),
 * resources and SAM globals.
 */
export interface TemplateValueContext extends ParameterScope {
  /** The template's resources by logical id, when the caller has them. */
  readonly resources?: Readonly<Record<string, unknown>>;
  /** The template's SAM `Globals` section, when the caller has it: properties every SAM resource of a kind inherits. */
  readonly globals?: unknown;
}

/** A text standing for a resource or pseudo parameter of this template (`Ref`, `Fn::GetAtt`), not a literal. */
export function isNamedValue(text: string): boolean {
  return text === NAMED || text === THIS_ACCOUNT;
}

/** A text standing for `AWS::AccountId`: this account, and nothing else is known to be. */
export function isThisAccount(text: string): boolean {
  return text === THIS_ACCOUNT;
}

/**
 * What `value` can stand for. A text that may be a dynamic reference (`MAYBE_DYNAMIC_REFERENCE`:
 * replaced by a value from Parameter Store or Secrets Manager when the stack is deployed) is unknown.
 */
export function readTemplateValue(value: unknown, context: TemplateValueContext): TemplateValue {
  if (typeof value === 'string')
    return MAYBE_DYNAMIC_REFERENCE.test(value) ? dynamicReference() : known([value]);
  if (typeof value === 'number' || typeof value === 'boolean') return known([String(value)]);
  if (Array.isArray(value)) return union(value.map((item) => readTemplateValue(item, context)));
  if (!isPlainObject(value)) return unknown('a value of an unexpected kind');
  const keys = Object.keys(value);
  const name = keys[0];
  if (keys.length !== 1 || name === undefined) return unknown('an object where a text was expected');
  const argument = value[name];
  switch (name) {
    case 'Ref':
      return typeof argument === 'string' ? readName(argument, context) : unknown('a malformed Ref');
    case 'Fn::GetAtt':
      return readAttribute(argument, context);
    case 'Fn::Sub':
      return readSub(argument, context);
    case 'Fn::Join':
      return readJoin(argument, context);
    case 'Fn::If':
      return readIf(argument, context);
    default:
      return unknown(`${name}, which is only known when the stack is deployed`);
  }
}

/**
 * A setting (`PubliclyAccessible`, `AuthType`…) as the texts it can be. Unlike `readTemplateValue`,
 * another resource's `Ref` or attribute is unknown, not a placeholder: some resources' names are
 * chosen freely (an alarm named `true` or `NONE`), and a setting has no reason to name a resource.
 */
export function readSettingValue(value: unknown, context: TemplateValueContext): TemplateValue {
  const read = readTemplateValue(value, context);
  return read.known && read.texts.includes(NAMED) ? unknown("another resource's name or attribute") : read;
}

function known(texts: readonly string[]): TemplateValue {
  return texts.length > MAX_TEXTS ? unknown('too many possible values') : { known: true, texts };
}

function unknown(why: string): TemplateValue {
  return { known: false, why };
}

function dynamicReference(): TemplateValue {
  return unknown('a dynamic reference ({{resolve:…}}) resolved at deploy time');
}

/**
 * `Ref`: a parameter is known through its `AllowedValues` (CloudFormation checks a value a parent
 * stack passes against them as well); pseudo parameters and resources name one thing.
 */
function readName(name: string, context: TemplateValueContext): TemplateValue {
  if (name === 'AWS::NoValue') return known([]);
  if (name === 'AWS::AccountId') return known([THIS_ACCOUNT]);
  if (name.startsWith('AWS::')) return known([NAMED]);
  const parameter = isPlainObject(context.parameters) ? context.parameters[name] : undefined;
  if (parameter === undefined) return readAttribute([name], context);
  // An SSM parameter type's AllowedValues constrain the parameter's name, not the value read from it.
  if (isPlainObject(parameter) && String(parameter['Type']).startsWith('AWS::SSM::Parameter::Value'))
    return unknown(`parameter ${name}, read from Parameter Store at deploy time`);
  const allowed = isPlainObject(parameter) ? parameter['AllowedValues'] : undefined;
  if (Array.isArray(allowed) && allowed.length > 0 && allowed.every((item) => typeof item === 'string'))
    return known(allowed as string[]);
  return unknown(`parameter ${name}, which is set at deploy time`);
}

/**
 * `Fn::GetAtt` (`[Id, Attr]` or `Id.Attr`), or `Ref` of a resource as `[Id]`: a placeholder for
 * this template's resources, unknown when the resource returns a freely chosen value.
 */
function readAttribute(argument: unknown, context: TemplateValueContext): TemplateValue {
  const [id, ...attribute] = Array.isArray(argument)
    ? argument
    : typeof argument === 'string'
      ? argument.split('.')
      : [];
  if (typeof id !== 'string') return known([NAMED]);
  const type = resourceType(context.resources, id);
  // An attribute name given by `Ref` may be any attribute, `Value` included.
  const name =
    attribute.length === 0
      ? undefined
      : attribute.every((part) => typeof part === 'string')
        ? attribute.join('.')
        : 'Value';
  return returnsFreeValue(type, name)
    ? unknown(`${name === undefined ? id : `${id}.${name}`}, a value ${type} returns at deploy time`)
    : known([NAMED]);
}

/** `Fn::Sub`, read through `subParts` (the same reading `templateReferences` makes). */
function readSub(argument: unknown, context: TemplateValueContext): TemplateValue {
  const sub = subParts(argument);
  if (sub === undefined) return unknown('a malformed Fn::Sub');
  if (MAYBE_DYNAMIC_REFERENCE.test(sub.text)) return dynamicReference();
  const parts = sub.parts.map((part): TemplateValue => {
    if ('literal' in part) return known([part.literal]);
    if ('variable' in part) return readTemplateValue(part.value, context);
    const { reference } = part;
    return reference.kind === 'name'
      ? readName(reference.name, context)
      : readAttribute(reference.text, context);
  });
  return concatenate(parts, '');
}

function readJoin(argument: unknown, context: TemplateValueContext): TemplateValue {
  if (!Array.isArray(argument) || typeof argument[0] !== 'string' || !Array.isArray(argument[1]))
    return unknown('a Fn::Join whose list is computed');
  const separator = argument[0];
  return concatenate(
    argument[1].map((item: unknown) => readTemplateValue(item, context)),
    separator,
  );
}

function readIf(argument: unknown, context: TemplateValueContext): TemplateValue {
  if (!Array.isArray(argument) || argument.length !== 3) return unknown('a malformed Fn::If');
  const branches = [readTemplateValue(argument[1], context), readTemplateValue(argument[2], context)];
  const missing = branches.find((branch) => !branch.known);
  if (missing) return missing;
  return known(branches.flatMap((branch) => (branch.known ? branch.texts : [])));
}

/** A list: any of its items' texts. The first unknown item makes the whole unknown. */
function union(parts: readonly TemplateValue[]): TemplateValue {
  const missing = parts.find((part) => !part.known);
  if (missing) return missing;
  return known(parts.flatMap((part) => (part.known ? part.texts : [])));
}

/** A Sub or Join: every combination of one text per part, glued with `separator`. */
function concatenate(parts: readonly TemplateValue[], separator: string): TemplateValue {
  const missing = parts.find((part) => !part.known);
  if (missing) return missing;
  let results: string[] = [''];
  for (const [index, part] of parts.entries()) {
    const choices = part.known ? part.texts : [];
    const glue = index === 0 ? '' : separator;
    results = results.flatMap((prefix) => choices.map((choice) => `${prefix}${glue}${choice}`));
    if (results.length > MAX_TEXTS) return unknown('too many possible values');
  }
  return known(results);
}
