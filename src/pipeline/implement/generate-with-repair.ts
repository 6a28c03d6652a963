import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import type { GateFinding, GatePolicy, GateReport } from '../../core/gates/gate-report.js';
import { redactFindings } from '../../core/gates/redact-findings.js';
import { runGates } from '../../core/gates/run-gates.js';
import type { RequestPayload } from '../../core/request/execution-request.js';
import {
  ModelOutputError,
  NO_USAGE,
  type GenerationContext,
  type ModelExchange,
  type ModelProvider,
  type RepairRequest,
  type TokenUsage,
} from '../../generation/model-provider.js';

export type GenerationOutcome =
  | {
      readonly ok: true;
      readonly bundle: ArtifactBundle;
      readonly report: GateReport;
      readonly usage: TokenUsage;
      readonly attempts: number;
      readonly model: string;
      /** Every model call of the generation, in order (repairs included), for audit. */
      readonly exchanges?: readonly ModelExchange[];
    }
  | {
      readonly ok: false;
      readonly findings: readonly GateFinding[];
      readonly usage: TokenUsage;
      readonly attempts: number;
      readonly model: string;
      readonly exchanges?: readonly ModelExchange[];
    };

/**
 * Generates a bundle and runs the gates; failures go back to the model as a repair request,
 * at most `maxRepairAttempts` times, and then the task fails with the last findings. Findings are
 * redacted before they go anywhere, so no secret the model wrote reaches a comment, log or file.
 */
export async function generateWithRepair(params: {
  provider: ModelProvider;
  request: RequestPayload;
  context: GenerationContext;
  policy: GatePolicy;
  maxRepairAttempts: number;
  /**
   * Called before each attempt with the usage spent so far; awaited, so a run can stop between
   * attempts by throwing (a `/cancel`, `RunCancelledError`).
   */
  onAttempt?: (attempt: number, usageSoFar: TokenUsage) => void | Promise<void>;
}): Promise<GenerationOutcome> {
  let usage = NO_USAGE;
  let repair: RepairRequest | undefined;
  let model = params.provider.name;
  let findings: readonly GateFinding[] = [];
  const totalAttempts = params.maxRepairAttempts + 1;
  const exchanges: ModelExchange[] = [];
  for (let attempt = 1; attempt <= totalAttempts; attempt++) {
    await params.onAttempt?.(attempt, usage);
    const answer = await generateOnce(params.provider, {
      request: params.request,
      context: params.context,
      repair,
    });
    usage = addUsage(usage, answer.usage);
    if (answer.exchange !== undefined) exchanges.push(answer.exchange);
    if (answer.kind === 'unusable') {
      findings = await redactFindings(answer.problems.map((message) => ({ gate: 'model-output', message })));
      // Nothing usable to repair from: ask again with the problems, against an empty previous bundle.
      repair = { attempt, previous: repair?.previous ?? EMPTY_BUNDLE, findings };
      continue;
    }
    model = answer.model;
    const report = await runGates(answer.bundle, params.policy);
    if (report.passed)
      return { ok: true, bundle: answer.bundle, report, usage, attempts: attempt, model, exchanges };
    findings = await redactFindings(report.results.flatMap((result) => result.findings));
    repair = { attempt, previous: answer.bundle, findings };
  }
  return { ok: false, findings, usage, attempts: totalAttempts, model, exchanges };
}

const EMPTY_BUNDLE: ArtifactBundle = { summary: '', plan: [], files: [], riskNotes: [] };

type SingleAnswer = { exchange?: ModelExchange } & (
  | { kind: 'bundle'; bundle: ArtifactBundle; usage: TokenUsage; model: string }
  | { kind: 'unusable'; problems: readonly string[]; usage: TokenUsage }
);

async function generateOnce(
  provider: ModelProvider,
  input: { request: RequestPayload; context: GenerationContext; repair: RepairRequest | undefined },
): Promise<SingleAnswer> {
  try {
    const result = await provider.generate(
      input.repair ? { ...input, repair: input.repair } : { request: input.request, context: input.context },
    );
    const { bundle, usage, model, exchange } = result;
    return { kind: 'bundle', bundle, usage, model, ...(exchange === undefined ? {} : { exchange }) };
  } catch (error) {
    if (!(error instanceof ModelOutputError)) throw error;
    // An unusable answer was still paid for; providers that know the cost attach it.
    const { problems, usage, exchange } = error;
    return {
      kind: 'unusable',
      problems,
      usage: usage ?? NO_USAGE,
      ...(exchange === undefined ? {} : { exchange }),
    };
  }
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}
