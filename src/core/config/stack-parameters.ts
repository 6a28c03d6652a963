import { z } from 'zod';
import { withIndefiniteArticle } from '../text/indefinite-article.js';

/**
 * CloudFormation parameter values are text: numbers and true/false are passed as their string
 * form (`2` → `"2"`), a list is joined with commas as a `CommaDelimitedList` or `List<…>`
 * parameter expects (`[a, b]` → `"a,b"`). Limits from the AWS CloudFormation User Guide,
 * "Understand CloudFormation quotas": a parameter name is at most 255 characters, a value at
 * most 4,096 bytes; a parameter's logical ID is alphanumeric ("Parameters section syntax").
 */
const MAX_NAME_LENGTH = 255;
const MAX_VALUE_BYTES = 4_096;

type Scalar = string | number | boolean;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const parameterName = z
  .string()
  .max(MAX_NAME_LENGTH, `parameter names are at most ${MAX_NAME_LENGTH} characters`)
  .regex(
    /^[A-Za-z0-9]+$/,
    'parameter names are CloudFormation logical IDs: letters A-Z, a-z and digits only',
  );

const parameterValue = z
  .union([scalar, z.array(scalar)], { error: (issue) => valueShapeProblem(issue.input) })
  .transform((value, context) => {
    if (!Array.isArray(value)) return String(value);
    const index = value.findIndex((item) => String(item).includes(','));
    if (index !== -1) {
      context.addIssue({
        code: 'custom',
        path: [index],
        message:
          'holds a comma, so the comma-joined list would split it in two; write the whole value as one string instead',
      });
      return z.NEVER;
    }
    return value.map(String).join(',');
  })
  .refine(
    (text) => new TextEncoder().encode(text).length <= MAX_VALUE_BYTES,
    `is over ${MAX_VALUE_BYTES.toLocaleString('en-US')} bytes, CloudFormation's limit for a parameter value`,
  );

/** `environments.<name>.parameters`: CloudFormation parameter name → value as written, read as text. */
export const stackParametersSchema = z.record(parameterName, parameterValue);

/** Why a value is not a string, number, true/false or a list of those, in words a config author can act on. */
function valueShapeProblem(value: unknown): string {
  const accepted = 'a parameter value is a string, a number, true/false, or a list of those';
  if (value === null || value === undefined) return `is empty; write "" for an empty value (${accepted})`;
  if (typeof value === 'number') return `is not a finite number (${accepted})`;
  if (Array.isArray(value)) {
    const index = value.findIndex((item) => !isScalar(item));
    return `item ${index + 1} of the list is ${kindOf(value[index])}; list items are strings, numbers or true/false, joined with commas`;
  }
  return `is ${kindOf(value)}; ${accepted} (CloudFormation parameters are text)`;
}

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return 'not a finite number';
  return typeof value === 'object' ? 'a mapping' : withIndefiniteArticle(typeof value);
}
