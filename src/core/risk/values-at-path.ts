import { isPlainObject } from '../cfn/is-plain-object.js';
import { jsonTextValue } from './json-text-value.js';

/** One value found below `Properties`, and where (`A.B[0].C`, for messages and `where`). */
export interface ValueAtPath {
  /** The value as written; undefined when a key on the way is left out. */
  readonly value: unknown;
  readonly at: string;
}

/**
 * Every value at `path` (keys, and `[]` for each item of a list) below `properties`, on every
 * branch of an `Fn::If` on the way (not the last value's: value readers take those) (CloudFormation may take either). Any other intrinsic on the way
 * (`Ref` of a parameter, `Fn::ImportValue`…) is returned as is, with the path walked so far, so the
 * caller reads it as a value only known at deploy time. A JSON text on the way (`jsonTextValue`) is
 * walked as the object it stands for.
 */
export function valuesAtPath(properties: unknown, path: readonly string[]): ValueAtPath[] {
  let found: ValueAtPath[] = [{ value: properties, at: '' }];
  for (const key of path) {
    found = found.flatMap(branches).flatMap(({ value: written, at }): ValueAtPath[] => {
      // A `Json` property written as its text (`"{\"deadLetterTargetArn\": …}"`) is read as the object.
      const value = jsonTextValue(written) ?? written;
      if (isIntrinsic(value)) return [{ value, at }];
      if (key === '[]') {
        if (value === undefined) return [{ value, at }];
        if (!Array.isArray(value)) return [{ value, at }];
        return value.map((item: unknown, index) => ({ value: item, at: `${at}[${index}]` }));
      }
      const next = `${at === '' ? '' : `${at}.`}${key}`;
      return [{ value: isPlainObject(value) ? value[key] : undefined, at: next }];
    });
  }
  // The last value is returned as written: readers of a value take its `Fn::If` branches themselves.
  return found;
}

/** Every value an `Fn::If` may take (nested ones too); `Ref: AWS::NoValue` is no value at all. */
function branches(found: ValueAtPath): ValueAtPath[] {
  const { value, at } = found;
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return [found];
  if (value['Ref'] === 'AWS::NoValue') return [{ value: undefined, at }];
  const choice = value['Fn::If'];
  if (!Array.isArray(choice) || choice.length !== 3) return [found];
  return [
    ...branches({ value: choice[1], at: `${at}.Fn::If[1]` }),
    ...branches({ value: choice[2], at: `${at}.Fn::If[2]` }),
  ];
}

function isIntrinsic(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).some((name) => name === 'Ref' || name.startsWith('Fn::'));
}
