import { z } from 'zod';

/**
 * Reads back a JSON document a store wrote, checked against its schema: a file edited by hand or
 * written by another version is an error naming the file, never a record taken on trust.
 */
export function parseStoredJson<T>(params: { text: string; schema: z.ZodType<T>; source: string }): T {
  let value: unknown;
  try {
    value = JSON.parse(params.text);
  } catch (error) {
    throw new Error(
      `${params.source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  const parsed = params.schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`${params.source} is not in the expected shape:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
