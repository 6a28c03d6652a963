import { codeLiteral } from '../../naming/code-literal.js';
import type { FieldSpec } from './model/resource-model-types.js';
import { textIn } from './model/sample-body.js';

/**
 * Two different values a create accepts for a filtered string field, as code literals: the first two
 * listed values (`a type (blood, urine or tissue)` → `'blood'`, `'urine'`), two date-times a month
 * apart, or two texts within the field's length. A filter test creates one item with each, so a
 * value the model refuses (400) can never leave the test comparing lists of nothing. A field with
 * one listed value has no second: both items get it, and the caller tests that the filter keeps both.
 */
export function twoFilterValues(field: FieldSpec | undefined): readonly [string, string] {
  const listed = field?.values;
  if (listed !== undefined && listed.length > 0)
    return [codeLiteral(listed[0] ?? ''), codeLiteral(listed[1] ?? listed[0] ?? '')];
  if (field?.format === 'date-time')
    return [codeLiteral('2030-01-01T00:00:00.000Z'), codeLiteral('2030-02-01T00:00:00.000Z')];
  if (field === undefined) return [codeLiteral('value one'), codeLiteral('value two')];
  const long = [textIn(field, 'value one'), textIn(field, 'value two')] as const;
  if (long[0] !== long[1]) return [codeLiteral(long[0]), codeLiteral(long[1])];
  // `at most 5 characters` cuts both to `value`: the words that differ come first.
  return [codeLiteral(textIn(field, 'one')), codeLiteral(textIn(field, 'two'))];
}
