import { z } from 'zod';
import { DEPLOYMENT_STRATEGIES } from '../request/execution-request.js';
import { environmentNameProblems } from './environment-name-problems.js';
import { environmentNameSchema } from './environment-name.js';
import { stackParametersSchema } from './stack-parameters.js';
import { isProductionName } from './is-production-name.js';

export const DEFAULT_MODEL_ID = 'au.anthropic.claude-sonnet-4-5-20250929-v1:0';
export const DEFAULT_REGION = 'ap-southeast-2';
export const CONFIG_PATH = '.github/implementation-agent.yml';

const positiveInt = (max: number) => z.number().int().positive().max(max);

/** A path inside `.github/`, written relative to it: `workflows/` (a directory) or `CODEOWNERS` (a file). */
const githubSubPath = z
  .string()
  .min(1)
  .refine(
    (entry) => !/^\.github(\/|$)/i.test(entry),
    'is relative to `.github/`: write `workflows/`, not `.github/workflows/`',
  )
  .refine(
    (entry) =>
      !entry.includes('\\') &&
      entry
        .replace(/\/$/, '')
        .split('/')
        .every((segment) => !['', '.', '..'].includes(segment)),
    'must be a relative path inside `.github/` such as `workflows/` or `ISSUE_TEMPLATE/`',
  );

/** As written in the file: every field optional, unknown fields refused (a typo must not drop a guard). */
const environmentFileSchema = z.strictObject({
  stack_name: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be a valid CloudFormation stack name')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-2')
    .optional(),
  requires_approval: z.boolean().optional(),
  requires_green_checks: z.boolean().optional(),
  allowed_refs: z.array(z.string().min(1)).optional(),
  deployers: z.array(z.string().min(1)).optional(),
  alarm_arns: z.array(z.string().startsWith('arn:', 'must be an alarm ARN')).optional(),
  strategy: z.enum(DEPLOYMENT_STRATEGIES).optional(),
  termination_protection: z.boolean().optional(),
  /** Strings, numbers, true/false or lists of those; all read as text (see `stack-parameters.ts`). */
  parameters: stackParametersSchema.optional(),
  /** A stack left in ROLLBACK_COMPLETE (its first create failed) is deleted and created again. */
  recreate_rolled_back_stack: z.boolean().optional(),
  /** How long CloudFormation watches `alarm_arns` after a change before it counts as done (0–180). */
  rollback_monitoring_minutes: z.number().int().min(0).max(180).optional(),
  /** After a successful deploy, watch `alarm_arns` this long; an alarm fails the deploy. */
  bake_minutes: z.number().int().min(0).max(720).optional(),
  /** A failed deploy (or an alarm while baking) is followed by a redeploy of the last good deployment. */
  auto_rollback: z.boolean().optional(),
  /** After `/rollback`, open a pull request reverting the rolled-back change on the default branch. */
  revert_pr_on_rollback: z.boolean().optional(),
  /** S3 bucket, in the environment's region, for packaged Lambda code when `mirrors.deployments_bucket` cannot take it. */
  code_bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
    .optional(),
});

type EnvironmentFile = z.infer<typeof environmentFileSchema>;

export interface EnvironmentConfig {
  readonly stack_name?: string;
  readonly region?: string;
  readonly requires_approval: boolean;
  readonly requires_green_checks: boolean;
  readonly allowed_refs: readonly string[];
  readonly deployers: readonly string[];
  readonly alarm_arns: readonly string[];
  readonly strategy?: (typeof DEPLOYMENT_STRATEGIES)[number];
  readonly termination_protection: boolean;
  readonly parameters: Readonly<Record<string, string>>;
  readonly recreate_rolled_back_stack: boolean;
  readonly rollback_monitoring_minutes: number;
  readonly bake_minutes: number;
  readonly auto_rollback: boolean;
  readonly revert_pr_on_rollback: boolean;
  readonly code_bucket?: string;
}

function withEnvironmentDefaults(name: string, env: EnvironmentFile): EnvironmentConfig {
  // Production is guarded unless its config says otherwise, whatever else the file lists.
  const guarded = isProductionName(name);
  return {
    ...(env.stack_name === undefined ? {} : { stack_name: env.stack_name }),
    ...(env.region === undefined ? {} : { region: env.region }),
    ...(env.strategy === undefined ? {} : { strategy: env.strategy }),
    ...(env.code_bucket === undefined ? {} : { code_bucket: env.code_bucket }),
    requires_approval: env.requires_approval ?? guarded,
    requires_green_checks: env.requires_green_checks ?? guarded,
    termination_protection: env.termination_protection ?? guarded,
    allowed_refs: env.allowed_refs ?? [],
    deployers: env.deployers ?? [],
    alarm_arns: env.alarm_arns ?? [],
    parameters: env.parameters ?? {},
    // Production keeps a stack that never got created for someone to look at before it is replaced.
    recreate_rolled_back_stack: env.recreate_rolled_back_stack ?? !guarded,
    rollback_monitoring_minutes: env.rollback_monitoring_minutes ?? 10,
    bake_minutes: env.bake_minutes ?? 0,
    auto_rollback: env.auto_rollback ?? false,
    revert_pr_on_rollback: env.revert_pr_on_rollback ?? guarded,
  };
}

/**
 * Environment name → its settings. The map has no prototype, so a name read from a command or a
 * deployment (`toString`, `constructor`) finds nothing inherited; look names up with
 * `findEnvironment`, which also follows GitHub in ignoring case.
 */
const environmentsSchema = z
  .record(environmentNameSchema, environmentFileSchema)
  .default({ development: {}, staging: {}, production: {} })
  .transform((environments): Readonly<Record<string, EnvironmentConfig>> => {
    const configured = Object.create(null) as Record<string, EnvironmentConfig>;
    for (const [name, env] of Object.entries(environments))
      configured[name] = withEnvironmentDefaults(name, env);
    return configured;
  });

/** `.github/implementation-agent.yml` (DESIGN §10). Every section is optional; absent means defaults. */
export const agentConfigSchema = z
  .strictObject({
    provider: z.enum(['offline', 'bedrock']).default('offline'),
    model: z
      .strictObject({
        id: z.string().min(1).default(DEFAULT_MODEL_ID),
        region: z.string().min(1).default(DEFAULT_REGION),
        max_tokens: positiveInt(64_000).default(16_000),
        input_usd_per_million: z.number().nonnegative().default(3),
        output_usd_per_million: z.number().nonnegative().default(15),
      })
      .prefault({}),
    generation: z
      .strictObject({
        max_repair_attempts: z.number().int().min(0).max(5).default(2),
      })
      .prefault({}),
    limits: z
      .strictObject({
        max_files: positiveInt(500).default(60),
        max_file_bytes: positiveInt(5_000_000).default(200_000),
        max_total_bytes: positiveInt(20_000_000).default(2_000_000),
      })
      .prefault({}),
    paths: z
      .strictObject({
        allowed: z.array(z.string().min(1)).default([]),
        /** Sub-paths of `.github/` a generated change may write, e.g. `workflows/`; the rest of `.github/` is refused. */
        allow_github: z.array(githubSubPath).default([]),
        /** The setting before `allow_github`: `true` still reads as allowing `workflows/`. */
        allow_workflow_files: z.boolean().optional(),
      })
      .transform(({ allowed, allow_github, allow_workflow_files }) => ({
        allowed,
        allow_github:
          allow_workflow_files === true && !allow_github.includes('workflows/')
            ? [...allow_github, 'workflows/']
            : allow_github,
      }))
      .prefault({}),
    labels: z
      .strictObject({
        trigger: z.string().min(1).default('implementation'),
        add_task_type: z.boolean().default(true),
        add_mode: z.boolean().default(true),
      })
      .prefault({}),
    environments: environmentsSchema,
    /** Environments a sha must pass through in order, e.g. [development, staging, production]; empty: any order. */
    deploy_order: z.array(environmentNameSchema).default([]),
    deploy: z
      .strictObject({
        /**
         * Deploy pull requests whose head lives in a fork. Off by default: a fork's branch is
         * written by someone outside the repository, whatever it is named.
         */
        allow_fork_pull_requests: z.boolean().default(false),
      })
      .prefault({}),
    auto_merge: z
      .strictObject({
        /**
         * How automated mode's auto-merge merges (`enablePullRequestAutoMerge`'s `mergeMethod`); the
         * repository must allow that method.
         */
        merge_method: z.enum(['squash', 'merge', 'rebase']).default('squash'),
      })
      .prefault({}),
    /** Guided mode's approval (DESIGN §4): an approving PR review from someone with write access. */
    review: z
      .strictObject({
        /** A push after an approval needs a new approval of the new head (GitHub's "dismiss stale approvals"). */
        reapprove_on_push: z.boolean().default(true),
        /** Whoever asked for the task may approve its pull request themselves. */
        allow_self_approval: z.boolean().default(false),
        /**
         * Whoever pushed the pull request's head may approve it themselves. Off, someone else must,
         * as GitHub's branch protection "Require approval of the most recent reviewable push" asks.
         */
        allow_pusher_approval: z.boolean().default(false),
        /**
         * How many times the agent pushes a commit for review feedback on one pull request
         * (issue #9 item 3); past it nothing is pushed and the agent asks a human to take over.
         */
        max_iterations: z.number().int().min(0).max(20).default(3),
      })
      .prefault({}),
    /** Where task records, events and artifacts are mirrored (DESIGN §11); every one is off until named. */
    mirrors: z
      .strictObject({
        /** DynamoDB `ImplementationTasks` (pk `task_id`, GSI `repo-status`): one record per task. */
        tasks_table: z.string().min(3).max(255).optional(),
        /** DynamoDB `ImplementationResults` (pk `task_id`, sk `step#timestamp#sequence`): every event, append-only. */
        results_table: z.string().min(3).max(255).optional(),
        /** S3 bucket for each attempt's artifacts: `<owner>/<repo>/<task>/<attempt>/...`. */
        artifacts_bucket: z.string().min(3).optional(),
        /** EventBridge bus (name or ARN) for lifecycle events (`core/task/lifecycle-event.ts`); absent: none are sent. */
        event_bus: z
          .string()
          .min(1)
          .max(1600)
          .regex(/^(arn:aws[\w-]*:events:[^\s]+|[\w.\-/]+)$/, 'must be an EventBridge bus name or ARN')
          .optional(),
        deployments_bucket: z.string().min(3).optional(),
        /** DynamoDB table for deploy locks (one deploy per environment across runs); absent means the workflow's concurrency group only. */
        locks_table: z.string().min(3).optional(),
        /** KMS key (id, alias or ARN) for SSE-KMS on every object written to the artifacts and deployments buckets; absent: the bucket's default encryption. */
        kms_key_id: z.string().min(1).max(2048).optional(),
        /** Where the mirror tables and buckets live. */
        region: z
          .string()
          .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-2')
          .default(DEFAULT_REGION),
      })
      .prefault({}),
  })
  .superRefine((config, context) => {
    const problems = environmentNameProblems({
      environments: Object.keys(config.environments),
      deployOrder: config.deploy_order,
    });
    for (const { path, message } of problems) context.addIssue({ code: 'custom', path: [...path], message });
  });

export type AgentConfig = z.infer<typeof agentConfigSchema>;

export const DEFAULT_CONFIG: AgentConfig = agentConfigSchema.parse({});
