/** Generated `src/validate-body.ts`: checks request bodies against the resource's declared fields. */
export const VALIDATE_BODY_SOURCE = `import type { FieldSpec, ResourceModel } from './model';

export type Scalar = string | number | boolean;
export type FlatObject = { [name: string]: Scalar };
export type FieldValue = Scalar | FlatObject | (Scalar | FlatObject)[];
export type Fields = Record<string, FieldValue>;

export type BodyCheck = { ok: true; fields: Fields } | { ok: false; errors: string[] };

export const MAX_FIELDS = 50;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_LIST_LENGTH = 100;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Set by the service; a client must not be able to write them. */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'updatedAt', 'status']);

/**
 * Checks a request body before anything is stored. Declared fields must have their type (and
 * required ones must be there on create); other fields may hold a scalar, a flat object of scalars,
 * or a list of those. An update needs at least one field and may not move the item to another owner.
 */
export function validateBody(resource: ResourceModel, input: unknown, mode: 'create' | 'update'): BodyCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: ['body must be a JSON object'] };
  const entries = Object.entries(input as Record<string, unknown>);
  const errors: string[] = [];
  if (entries.length === 0) errors.push('body must have at least one field');
  if (entries.length > MAX_FIELDS) errors.push('body must have at most ' + MAX_FIELDS + ' fields');
  for (const [name, value] of entries) {
    const shown = JSON.stringify(name.slice(0, 64));
    const declared = resource.fields.find((field) => field.name === name);
    const problem = !FIELD_NAME.test(name)
      ? 'must start with a letter and hold only letters, digits or _'
      : RESERVED_FIELDS.has(name) || name === resource.parent?.field || declared?.counter === true
        ? 'is set by the service'
        : mode === 'update' && name === resource.ownerField
          ? 'cannot be changed'
          : declared === undefined
            ? checkValue(value)
            : checkDeclared(declared, value);
    if (problem !== undefined) errors.push('field ' + shown + ' ' + problem);
  }
  if (mode === 'create') {
    const given = new Set(entries.map(([name]) => name));
    for (const field of resource.fields) if (field.required && !given.has(field.name)) errors.push('field ' + JSON.stringify(field.name) + ' is required');
  }
  if (errors.length > 0) return { ok: false, errors };
  // Date-times are stored in UTC with milliseconds, so a range of them compares as text.
  const stored = entries.map(([name, value]) => {
    const declared = resource.fields.find((field) => field.name === name);
    return declared?.format === 'date-time' && typeof value === 'string' ? [name, new Date(value).toISOString()] : [name, value];
  });
  return { ok: true, fields: Object.fromEntries(stored) as Fields };
}

const ISO_DATE_TIME = /^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$/;

/** An ISO 8601 date-time or date (2026-01-02, 2026-01-02T03:04:05Z, 2026-01-02T13:04:05.5+10:00); a date alone is midnight UTC. */
export function isDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function checkDeclared(field: FieldSpec, value: unknown): string | undefined {
  if (field.type === 'list') {
    const least = field.minItems ?? 0;
    if (!Array.isArray(value)) return 'must be a list';
    if (value.length < least) return 'must have at least ' + least + (least === 1 ? ' entry' : ' entries');
    if (field.maxItems !== undefined && value.length > field.maxItems) return 'must have at most ' + field.maxItems + (field.maxItems === 1 ? ' entry' : ' entries');
    return checkValue(value);
  }
  if (field.type === 'string') {
    if (typeof value !== 'string') return 'must be a string';
    if (field.format === 'date-time' && !isDateTime(value)) return 'must be an ISO 8601 date-time (2026-01-02T03:04:05Z)';
    if (field.values !== undefined && !field.values.includes(value)) return 'must be one of ' + field.values.join(', ');
    if (field.minLength !== undefined && value.length < field.minLength) return 'must be at least ' + field.minLength + ' characters';
    if (field.maxLength !== undefined && value.length > field.maxLength) return 'must be at most ' + field.maxLength + ' characters';
    return checkScalar(value);
  }
  if (field.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
    if (field.minimum !== undefined && value < field.minimum) return 'must be at least ' + field.minimum;
    if (field.maximum !== undefined && value > field.maximum) return 'must be at most ' + field.maximum;
    if (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum) return 'must be greater than ' + field.exclusiveMinimum;
    if (field.exclusiveMaximum !== undefined && value >= field.exclusiveMaximum) return 'must be less than ' + field.exclusiveMaximum;
    if (field.integer === true && !Number.isInteger(value)) return 'must be a whole number';
    return undefined;
  }
  return typeof value === 'boolean' ? undefined : 'must be true or false';
}

function checkValue(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_LENGTH) return 'must have at most ' + MAX_LIST_LENGTH + ' entries';
    for (const [index, entry] of value.entries()) {
      const problem = isObject(entry) ? checkFlat(entry) : checkScalar(entry);
      if (problem !== undefined) return 'entry ' + index + ' ' + problem;
    }
    return undefined;
  }
  return isObject(value) ? checkFlat(value) : checkScalar(value);
}

function checkFlat(value: Record<string, unknown>): string | undefined {
  const entries = Object.entries(value);
  if (entries.length > MAX_FIELDS) return 'must have at most ' + MAX_FIELDS + ' fields';
  for (const [name, inner] of entries) {
    if (!FIELD_NAME.test(name) || checkScalar(inner) !== undefined) return 'must hold only named strings, numbers and booleans';
  }
  return undefined;
}

function checkScalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length <= MAX_TEXT_LENGTH ? undefined : 'must be at most ' + MAX_TEXT_LENGTH + ' characters';
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'must be a finite number';
  if (typeof value === 'boolean') return undefined;
  return 'must be a string, a number, a boolean, a flat object of those or a list';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
`;
