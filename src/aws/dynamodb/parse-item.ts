import { z } from 'zod';

/** An item read back from a table, checked against the schema of what our stores write (STYLE §5). */
export function parseItem<T>(params: { item: unknown; schema: z.ZodType<T>; tableName: string }): T {
  const parsed = params.schema.safeParse(params.item);
  if (!parsed.success) {
    throw new Error(
      `An item in table ${params.tableName} is not in the expected shape (was it written by something else?):\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
