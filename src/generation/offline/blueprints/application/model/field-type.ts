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
]);

/** A number when the field's last word names an amount (`quantity`, `unitPrice`, `reorderThreshold`). */
export function fieldType(name: string): FieldSpec['type'] {
  const last = name.split(/(?=[A-Z])/).at(-1) ?? name;
  return NUMBER_FIELDS.has(last.toLowerCase()) ? 'number' : 'string';
}
