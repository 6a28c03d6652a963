import type { FieldSpec, Resource } from './resource-model-types.js';

type SampleValue = string | number | boolean | readonly Record<string, string | number>[];

/**
 * A valid create body for a resource: every declared field a client writes with a value of its type
 * (lists with their fewest entries, owners as `customer-1`; no count the service keeps), plus one
 * undeclared field, `note`, which any resource accepts.
 */
export function sampleBody(
  resource: Resource,
  owner = ownerSample(resource, 1),
): Record<string, SampleValue> {
  const body: Record<string, SampleValue> = {};
  for (const field of resource.fields) {
    // A count the service keeps (`votes`) is never posted: the create would answer 400.
    if (field.counter === true) continue;
    if (field.name === resource.ownerField) body[field.name] = owner;
    else if (field.type === 'list')
      body[field.name] = Array.from({ length: Math.max(field.minItems ?? 1, 1) }, (_, index) => ({
        sku: `sku-${index + 1}`,
        quantity: index + 1,
      }));
    else if (field.type === 'number') body[field.name] = numberIn(field, 2);
    else if (field.type === 'boolean') body[field.name] = true;
    else if (field.format === 'date-time') body[field.name] = '2030-01-01T00:00:00.000Z';
    else body[field.name] = field.values?.[0] ?? textIn(field, `sample ${field.name}`);
  }
  body['note'] = 'first';
  return body;
}

/** An owner id for tests: `customer-1` for the field `customerId`. */
export function ownerSample(resource: Resource, number: number): string {
  return `${(resource.ownerField ?? 'owner').replace(/Id$/, '') || 'owner'}-${number}`;
}

/**
 * `wanted`, moved into the field's range when it has one (`between 5 and 10` → 5; `greater than 2`
 * → 3; `less than 1` → 0), whole when the field is.
 */
export function numberIn(field: FieldSpec, wanted: number): number {
  let value = Math.min(Math.max(wanted, field.minimum ?? wanted), field.maximum ?? wanted);
  if (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum)
    value = field.exclusiveMinimum + 1;
  if (field.exclusiveMaximum !== undefined && value >= field.exclusiveMaximum)
    value = field.exclusiveMaximum - 1;
  return field.integer === true ? Math.ceil(value) : value;
}

/** `wanted`, cut or padded to the field's length when it has one (`at most 5 characters` → `sampl`). */
export function textIn(field: FieldSpec, wanted: string): string {
  const cut = wanted.slice(0, field.maxLength ?? wanted.length);
  return cut.padEnd(field.minLength ?? 0, 'x');
}
