import type { FieldSpec } from './resource-model-types.js';

const NUMBER_FIELDS = new Set([
  'quantity',
  'amount',
  'price',
  'total',
  'count',
  'number',
  'cost',
  'age',
  'weight',
  'size',
  'score',
  'rating',
  'duration',
  'limit',
  'percentage',
  'balance',
  'stock',
  'threshold',
  'capacity',
  // Measures read off an instrument or a map: a van's `mileage`, a parcel's `length`.
  'mileage',
  'distance',
  'temperature',
  'height',
  'width',
  'depth',
  'length',
  'volume',
]);

/**
 * A number when the field's last word names an amount (`quantity`, `unitPrice`, `reorderThreshold`).
 * A `number` after another noun names an identifier (`trackingNumber`, `phoneNumber`,
 * `invoiceNumber`): carriers, phones and ledgers put letters, `+` and leading zeros in those, so it is
 * a string, as a `code` or an `id` is.
 */
export function fieldType(name: string): FieldSpec['type'] {
  const words = name.split(/(?=[A-Z])/);
  const last = (words.at(-1) ?? name).toLowerCase();
  if (last === 'number' && words.length > 1) return 'string';
  return NUMBER_FIELDS.has(last) ? 'number' : 'string';
}
