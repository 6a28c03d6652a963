import type { AgentConfig } from '../../core/config/agent-config.js';
import { stackParametersOf } from '../../core/risk/stack-parameters-of.js';
import { formatFindingsForRepair } from '../../core/gates/format-findings.js';
import { gatePolicyFrom } from '../../core/gates/gate-policy.js';
import { changeNamesFor, type ChangeNames } from '../../core/naming/change-names.js';
import { renderPrBody, type PrBodyChannel } from '../../core/render/pr-body.js';
import type { RequestPayload } from '../../core/request/execution-request.js';
import { classifyRisk } from '../../core/risk/classify-risk.js';
import { effectiveMode, type ModeDecision } from '../../core/risk/effective-mode.js';
import { isProductionEnvironment } from '../../core/risk/is-production-environment.js';
import type { ReviewedBaseFile } from '../../core/risk/reviewed-base-file.js';
import type { GenerationContext, ModelProvider, TokenUsage } from '../../generation/model-provider.js';
import { readReviewedBase, type BaseFileReader } from '../risk/read-reviewed-base.js';
import { generateWithRepair, type GenerationOutcome } from './generate-with-repair.js';

export type PreparedChange =
  | {
      readonly ok: true;
      readonly generation: Extract<GenerationOutcome, { ok: true }>;
      readonly names: ChangeNames;
      /** The mode the task runs in once the risk classifier has judged the bundle (DESIGN §4). */
      readonly decision: ModeDecision;
      /** The pull request body (markdown); the CLI writes it to `pr-body.md`. */
      readonly body: string;
    }
  | {
      readonly ok: false;
      readonly generation: Extract<GenerationOutcome, { ok: false }>;
      /** e.g. "Validation failed after 3 attempt(s)." */
      readonly summary: string;
      /** The last findings as plain text, one per line, grouped by gate. */
      readonly findings: string;
    };

/**
 * The implement flow between a valid request and the place its change lands, shared by the GitHub
 * pipeline and the CLI: generation with repair under the config's gates and repair budget, then the
 * mode decision (risk classifier), the change's names and pull request body. Provider errors other than unusable output are thrown.
 */
export async function prepareChange(params: {
  provider: ModelProvider;
  request: RequestPayload;
  config: AgentConfig;
  context: GenerationContext;
  /** The task's run count, for the commit message; see `changeNamesFor`. */
  attempt?: number;
  onAttempt?: (attempt: number, usageSoFar: TokenUsage) => void | Promise<void>;
  /** Where the body is read (`renderPrBody`); the CLI passes `local`. */
  channel?: PrBodyChannel;
  /**
   * Reads files on the branch the change merges into: the risk classifier compares the bundle's
   * lockfiles with them (`readReviewedBase`). Absent: no base, every install script counts.
   */
  readBase?: BaseFileReader;
}): Promise<PreparedChange> {
  const { request, config, context } = params;
  const generation = await generateWithRepair({
    provider: params.provider,
    request,
    context,
    policy: gatePolicyFrom(config),
    maxRepairAttempts: config.generation.max_repair_attempts,
    ...(params.onAttempt ? { onAttempt: params.onAttempt } : {}),
  });
  if (!generation.ok) {
    return {
      ok: false,
      generation,
      summary: `Validation failed after ${generation.attempts} attempt(s).`,
      findings: formatFindingsForRepair(generation.findings),
    };
  }
  const issueNumber = context.issueNumber;
  const names = await changeNamesFor({
    request,
    ...(issueNumber === undefined ? {} : { issueNumber }),
    ...(params.attempt === undefined ? {} : { attempt: params.attempt }),
  });
  const base =
    params.readBase === undefined
      ? undefined
      : await readReviewedBase({
          paths: generation.bundle.files.map((file) => file.path),
          files: generation.bundle.files,
          read: params.readBase,
          templatePath: generation.bundle.templatePath,
        });
  const decision = decideMode({ request, config, generation, ...(base === undefined ? {} : { base }) });
  const body = renderPrBody({
    ...generation,
    request,
    decision,
    ...(issueNumber === undefined ? {} : { issueNumber }),
    ...(params.channel === undefined ? {} : { channel: params.channel }),
  });
  return { ok: true, generation, names, decision, body };
}

function decideMode(params: {
  request: RequestPayload;
  config: AgentConfig;
  generation: Extract<GenerationOutcome, { ok: true }>;
  base?: readonly ReviewedBaseFile[];
}): ModeDecision {
  const exec = params.request.execution_request;
  const { bundle } = params.generation;
  const risk = classifyRisk({
    files: bundle.files,
    ...(bundle.templatePath === undefined ? {} : { templatePath: bundle.templatePath }),
    targetEnvironment: exec.target_environment,
    production: isProductionEnvironment({ name: exec.target_environment, config: params.config }),
    ...(params.base === undefined ? {} : { base: params.base }),
    ...stackParametersOf(params.config, exec.target_environment),
  });
  return effectiveMode({ requested: exec.execution_mode, risk });
}
