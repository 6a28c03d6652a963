import { Scalar, YAMLSeq } from 'yaml';

/** A template value as the blueprints build it: plain data, with intrinsics as tagged YAML nodes. */
export type TemplateValue =
  | string
  | number
  | boolean
  | Scalar
  | YAMLSeq
  | readonly TemplateValue[]
  | { readonly [key: string]: TemplateValue };

export type TemplateMap = Record<string, TemplateValue>;

// Each call returns a fresh node: a node shared between two places would be written as a YAML alias.
function taggedScalar(tag: string, value: string): Scalar {
  const node = new Scalar(value);
  node.tag = tag;
  return node;
}

function taggedList(tag: string, items: readonly TemplateValue[]): YAMLSeq {
  const node = new YAMLSeq();
  node.tag = tag;
  node.flow = true;
  node.items = [...items];
  return node;
}

export function ref(name: string): Scalar {
  return taggedScalar('!Ref', name);
}

export function getAtt(resource: string, attribute: string): Scalar {
  return taggedScalar('!GetAtt', `${resource}.${attribute}`);
}

export function sub(text: string, variables?: TemplateMap): Scalar | YAMLSeq {
  return variables === undefined ? taggedScalar('!Sub', text) : taggedList('!Sub', [text, variables]);
}

export function ifCondition(condition: string, whenTrue: TemplateValue, whenFalse: TemplateValue): YAMLSeq {
  return taggedList('!If', [condition, whenTrue, whenFalse]);
}

export function notEquals(left: TemplateValue, right: TemplateValue): YAMLSeq {
  return taggedList('!Not', [taggedList('!Equals', [left, right])]);
}

export function noValue(): Scalar {
  return ref('AWS::NoValue');
}
