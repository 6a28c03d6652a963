const SAFE_LITERAL = /^[A-Za-z0-9 _./{}:$@+%?=&~-]*$/;

/**
 * A single-quoted TypeScript string literal for a derived value. Derived values never hold quotes
 * or backslashes; the check makes a future change that lets raw text through fail loudly instead.
 */
export function codeLiteral(value: string): string {
  if (!SAFE_LITERAL.test(value))
    throw new Error(`refusing to put ${JSON.stringify(value)} into generated code`);
  return `'${value}'`;
}
