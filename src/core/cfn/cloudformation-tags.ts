import { Pair, Scalar, YAMLMap } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';

/** Short-form tag → the long-form key CloudFormation itself reads. */
const LONG_FORM_KEYS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Transform': 'Fn::Transform',
};

/** `!GetAtt Res.Attr` means `[Res, Attr]`; only the first dot splits, since attributes may be dotted (`Endpoint.Address`). */
function getAttArguments(text: string): string[] | string {
  const dot = text.indexOf('.');
  return dot === -1 ? text : [text.slice(0, dot), text.slice(dot + 1)];
}

function scalarTag(tag: string, key: string): ScalarTag {
  return {
    tag,
    resolve: (text) => ({ [key]: tag === '!GetAtt' ? getAttArguments(text) : text }),
  };
}

/** Collection forms keep the parsed node, so anchors, aliases and nested tags inside still resolve normally. */
function collectionTag(tag: string, key: string, collection: 'map' | 'seq'): CollectionTag {
  return {
    tag,
    collection,
    resolve: (node) => {
      const wrapper = new YAMLMap();
      wrapper.items.push(new Pair(new Scalar(key), node));
      return wrapper;
    },
  };
}

/**
 * Every short-form intrinsic in its scalar, sequence and mapping forms. Shapes that CloudFormation
 * would reject (`!Ref [a]`) still parse here; the structure check reports them with a location.
 */
export const cloudFormationTags: readonly (ScalarTag | CollectionTag)[] = Object.entries(
  LONG_FORM_KEYS,
).flatMap(([tag, key]) => [
  scalarTag(tag, key),
  collectionTag(tag, key, 'seq'),
  collectionTag(tag, key, 'map'),
]);
