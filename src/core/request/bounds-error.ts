import type { ValueBoundsProblem } from '../untrusted/check-value-bounds.js';
import type { RequestFieldError } from './request-field-error.js';

/** A value past the nesting or count bounds, as a field error on the input it came in (`client_payload`). */
export function boundsError(source: string, problem: ValueBoundsProblem): RequestFieldError {
  return {
    field: problem.path === '' ? source : `${source}.${problem.path}`,
    message: `${problem.message}; it was not read`,
    fix: 'Send the request as a flat JSON object; extra context is read by the model, not by a parser, and needs no deep nesting.',
  };
}
