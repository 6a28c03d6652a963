import { z } from 'zod';

/** The five kinds of work the agent takes; each has its own offline blueprint. */
export const TASK_TYPES = ['infrastructure', 'application', 'integration', 'testing', 'deployment'] as const;
export const EXECUTION_MODES = ['automated', 'guided', 'manual', 'hybrid'] as const;
export const DEPLOYMENT_STRATEGIES = ['all-at-once', 'canary', 'blue-green', 'linear'] as const;

export type TaskType = (typeof TASK_TYPES)[number];
export type ExecutionMode = (typeof EXECUTION_MODES)[number];
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

/**
 * The payload upstream systems already send (DESIGN §2). Field names are the contract.
 * Unknown fields are kept (`loose`) and handed to the model as context, never rejected.
 */
export const executionRequestSchema = z.looseObject({
  task_type: z.enum(TASK_TYPES, {
    error: `must be one of: ${TASK_TYPES.join(', ')}`,
  }),
  task_name: z
    .string({ error: 'is required: a short name for the work, e.g. "Orders API"' })
    .trim()
    .min(1, 'must not be empty: a short name for the work, e.g. "Orders API"')
    .max(100, 'must be at most 100 characters'),
  execution_mode: z.enum(EXECUTION_MODES, { error: `must be one of: ${EXECUTION_MODES.join(', ')}` }),
  target_environment: z
    .string({ error: 'is required: development, staging, production or another configured environment' })
    .trim()
    .regex(
      ENVIRONMENT_NAME,
      'must be an environment name: letters, digits, "-" or "_", at most 40 characters',
    ),
  description: z.string().max(20_000, 'must be at most 20,000 characters').optional(),
  deployment_strategy: z
    .enum(DEPLOYMENT_STRATEGIES, { error: `must be one of: ${DEPLOYMENT_STRATEGIES.join(', ')}` })
    .optional(),
});

export const requestPayloadSchema = z.looseObject({
  execution_request: executionRequestSchema,
  assessment_results: z.looseObject({ overall_score: z.number().min(0).max(10).optional() }).optional(),
  planning_results: z.looseObject({ timeline: z.string().optional() }).optional(),
  support_artifacts: z
    .looseObject({
      user_stories: z.array(z.string().trim().min(1).max(1_000)).max(100).optional(),
    })
    .optional(),
});

export type ExecutionRequest = z.infer<typeof executionRequestSchema>;
export type RequestPayload = z.infer<typeof requestPayloadSchema>;

/** Where a request came from, for status messages and the task record. */
export type RequestChannel =
  'issue-form' | 'issue-payload' | 'workflow_dispatch' | 'repository_dispatch' | 'file' | 'api';
