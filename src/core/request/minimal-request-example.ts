import type { RequestPayload } from './execution-request.js';

/** The smallest valid request, shown to anyone whose request was refused. Tested to validate. */
export const MINIMAL_REQUEST_EXAMPLE = {
  execution_request: {
    task_type: 'application',
    task_name: 'Orders API',
    execution_mode: 'guided',
    target_environment: 'development',
  },
} as const satisfies RequestPayload;
