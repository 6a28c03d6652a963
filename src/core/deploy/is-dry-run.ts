import { isRecord } from '../request/is-record.js';

/**
 * Whether a deployment payload, as GitHub delivers it (an object or its JSON text), asks for a dry
 * run. Read before the payload is validated, so that even a refused dry run retires nothing.
 */
export function isDryRun(payload: unknown): boolean {
  const value = typeof payload === 'string' ? parseJson(payload) : payload;
  return isRecord(value) && value['dry_run'] === true;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
