import { describeValue } from './describe-value.js';

/** Functions CloudFormation (with its LanguageExtensions and Rules) accepts; anything else `Fn::` is a typo. */
const KNOWN_FUNCTIONS = new Set([
  'Fn::And',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Contains',
  'Fn::EachMemberEquals',
  'Fn::EachMemberIn',
  'Fn::Equals',
  'Fn::FindInMap',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::If',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Not',
  'Fn::Or',
  'Fn::RefAll',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::ValueOf',
  'Fn::ValueOfAll',
]);

/** Argument-list lengths, as [min, max]; a Map, so no name reaches an inherited member. */
const ARITY: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['Fn::And', [2, 10]],
  ['Fn::Cidr', [3, 3]],
  ['Fn::Equals', [2, 2]],
  ['Fn::FindInMap', [3, 4]],
  ['Fn::If', [3, 3]],
  ['Fn::Join', [2, 2]],
  ['Fn::Not', [1, 1]],
  ['Fn::Or', [2, 10]],
  ['Fn::Select', [2, 2]],
  ['Fn::Split', [2, 2]],
]);

/** Unknown `Fn::` names and argument lists of the wrong length. */
export function arityProblems(name: string, args: unknown): string[] {
  if (name === 'Ref' || name === 'Condition' || name.startsWith('Fn::ForEach::')) return [];
  if (!KNOWN_FUNCTIONS.has(name)) return [`unknown intrinsic function "${name}"`];
  const arity = ARITY.get(name);
  if (arity === undefined) return [];
  const [min, max] = arity;
  const expected = min === max ? `${min}` : `${min} to ${max}`;
  if (!Array.isArray(args))
    return [`${name} expects a list of ${expected} items, got ${describeValue(args)}`];
  return args.length < min || args.length > max
    ? [`${name} expects a list of ${expected} items, got ${args.length}`]
    : [];
}
