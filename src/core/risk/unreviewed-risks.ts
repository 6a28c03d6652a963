import { isPlainObject } from '../cfn/is-plain-object.js';
import { REVIEWED_RESOURCE_TYPES, type ReviewedShape } from './reviewed-resource-types.js';
import type { RiskReason } from './risk-assessment.js';

/**
 * What of one resource the classifier has not reviewed (`REVIEWED_RESOURCE_TYPES`), so "low" would
 * be a guess: a type outside the table is one `unseen-effect` at the resource; a property (or
 * nested key) outside its type's reviewed shape is one `unseen-effect` at that property, as is a
 * structure written as an intrinsic the shape cannot be checked through (`Fn::If` branches are
 * each checked; `Ref: AWS::NoValue` is no value). `where` is `<file>#Resources.<LogicalId>`.
 * Resources without a textual `Type`, and `Fn::ForEach`/`Fn::Transform` keys, are left to
 * `unseenConstructRisks`. Pure.
 */
export function unreviewedRisks(params: {
  logicalId: string;
  type: string;
  properties: unknown;
  where: string;
}): RiskReason[] {
  const { logicalId, type, where } = params;
  const shape = REVIEWED_RESOURCE_TYPES.get(type);
  // A resource without a textual Type is reported by `unseenConstructRisks`.
  if (type === '') return [];
  if (shape === undefined)
    return [
      {
        code: 'unseen-effect',
        where,
        message: `${logicalId} is of type ${type}, which the risk classifier has not reviewed: whether it sends data out, lets others in or runs code elsewhere is not judged, so a person must review it.`,
      },
    ];
  if (!isPlainObject(params.properties)) return [];
  return unreviewedPaths(params.properties, shape, '').map((found) => ({
    code: 'unseen-effect',
    where: found.at === '' ? `${where}.Properties` : `${where}.Properties.${found.at}`,
    message: found.computed
      ? `${logicalId} (${type}) writes ${found.at === '' ? 'its Properties' : found.at} in a form the risk classifier cannot look into (an intrinsic, or text where settings belong), so a person must review it.`
      : `${logicalId} (${type}) sets ${found.at}, which the risk classifier has not reviewed for ${type}: its effect is not judged, so a person must review it.`,
  }));
}

interface Unreviewed {
  readonly at: string;
  /** The value is an intrinsic where the shape expects a mapping or list. */
  readonly computed: boolean;
}

function unreviewedPaths(value: unknown, shape: ReviewedShape, at: string): Unreviewed[] {
  if (shape === true || value === undefined) return [];
  if (isPlainObject(value) && Object.keys(value).length === 1) {
    if (value['Ref'] === 'AWS::NoValue') return [];
    const choice = value['Fn::If'];
    if (Array.isArray(choice) && choice.length === 3)
      return [...unreviewedPaths(choice[1], shape, at), ...unreviewedPaths(choice[2], shape, at)];
  }
  if (isIntrinsic(value)) return [{ at, computed: true }];
  if (Array.isArray(shape)) {
    const [item] = shape as readonly [ReviewedShape];
    if (!Array.isArray(value)) return [{ at, computed: true }];
    return value.flatMap((entry: unknown, index) => unreviewedPaths(entry, item, `${at}[${index}]`));
  }
  if (!isPlainObject(value)) return [{ at, computed: true }];
  const keys = shape as { readonly [key: string]: ReviewedShape };
  return Object.entries(value).flatMap(([key, child]): Unreviewed[] => {
    if (key === 'Fn::Transform' || key.startsWith('Fn::ForEach::')) return [];
    const next = at === '' ? key : `${at}.${key}`;
    const inner = Object.hasOwn(keys, key) ? keys[key] : undefined;
    return inner === undefined ? [{ at: next, computed: false }] : unreviewedPaths(child, inner, next);
  });
}

/** A value computed by an intrinsic; loops and transforms are reported by `unseenConstructRisks`. */
function isIntrinsic(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    Object.keys(value).some(
      (key) =>
        key === 'Ref' ||
        (key.startsWith('Fn::') && key !== 'Fn::Transform' && !key.startsWith('Fn::ForEach::')),
    )
  );
}
