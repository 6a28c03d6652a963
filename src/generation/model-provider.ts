import type { ArtifactBundle } from '../core/bundle/artifact-bundle.js';
import type { GateFinding } from '../core/gates/gate-report.js';
import type { RequestPayload } from '../core/request/execution-request.js';

/** Tokens and dollars one model call (or a whole task) used. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly costUsd: number;
}

export const NO_USAGE: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: 0,
};

export interface GenerationContext {
  readonly owner: string;
  readonly repo: string;
  /** The issue the work is tracked on, when there is one. */
  readonly issueNumber?: number;
}

/** A previous attempt and what the gates said about it; present when asking for a repair. */
export interface RepairRequest {
  readonly attempt: number;
  readonly previous: ArtifactBundle;
  readonly findings: readonly GateFinding[];
}

export interface GenerationInput {
  readonly request: RequestPayload;
  readonly context: GenerationContext;
  readonly repair?: RepairRequest;
}

/**
 * One model call as sent and as answered, kept whole for audit (DESIGN §11: the attempt's prompt
 * and model answer in the artifacts store, secrets redacted). Providers that call no model (the
 * offline blueprints, an answer from the response cache) have none.
 */
export interface ModelExchange {
  /** The request exactly as sent (Bedrock: the Converse input — model, system prompt, messages, tools, inference settings). */
  readonly prompt: unknown;
  /** The answer exactly as received (Bedrock: the output message, stop reason, usage and metrics). */
  readonly answer: unknown;
}

export interface GenerationResult {
  readonly bundle: ArtifactBundle;
  readonly usage: TokenUsage;
  /** Model identifier (or `offline:<blueprint>`) recorded on the PR and the task. */
  readonly model: string;
  /** The call that produced the bundle, when a model was called. */
  readonly exchange?: ModelExchange;
}

/** Anything that can turn a request into an artifact bundle: Bedrock, or the offline blueprints. */
export interface ModelProvider {
  readonly name: string;
  generate(input: GenerationInput): Promise<GenerationResult>;
  /**
   * Rewrites files from free-text review feedback. Absent on providers that cannot (the offline
   * blueprints): free text is then answered honestly and only suggestion blocks are applied.
   * Throws `ModelOutputError` for an unusable answer (with its usage when known) and the
   * provider's own errors (Bedrock: `explainBedrockError`'s) when the call fails.
   */
  revise?(input: RevisionInput): Promise<RevisionResult>;
}

/**
 * The model answered, but not with a usable bundle (no tool call, tool input not matching the
 * schema). Carries findings so the repair loop can send them back like any gate failure.
 */
export class ModelOutputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
    /** What the unusable answer cost, when the provider knows: budgets must count it. */
    readonly usage?: TokenUsage,
    /** The call whose answer was unusable, when the provider keeps it: audit stores it too. */
    readonly exchange?: ModelExchange,
  ) {
    super(message);
    this.name = 'ModelOutputError';
  }
}

/**
 * One piece of review feedback as the model sees it: untrusted text, sent only as data. `id` is
 * how its answer comes back (`FeedbackAnswer.id`); inline comments carry where they point.
 */
export interface RevisionFeedback {
  readonly id: string;
  readonly author: string;
  /** The comment's or body's text with its ```suggestion blocks taken out (those are applied as written). */
  readonly text: string;
  readonly path?: string;
  /** The commented line (the last one of a range) on the head, null when GitHub marks the comment outdated. */
  readonly line?: number | null;
  readonly startLine?: number | null;
  readonly diffHunk?: string;
}

/** A file of the pull request's branch as it is now (suggestions of the same run already applied). */
export interface BranchFile {
  readonly path: string;
  readonly content: string;
}

/**
 * What a provider gets to revise a pull request from free-text review feedback (issue #9 item 3):
 * only the files the feedback touches, the feedback, and what the task is.
 */
export interface RevisionInput {
  readonly context: GenerationContext;
  /** The task as its record names it, so the model knows what the change is for. */
  readonly task: { readonly name?: string; readonly type?: string; readonly mode?: string };
  readonly files: readonly BranchFile[];
  readonly feedback: readonly RevisionFeedback[];
}

/** What the model says about one piece of feedback: whether it changed files for it, and what or why not. */
export interface FeedbackAnswer {
  readonly id: string;
  readonly changed: boolean;
  readonly answer: string;
}

export interface RevisionResult {
  /** Only the files the model changed, each complete; may be empty when it changed nothing. */
  readonly files: readonly BranchFile[];
  readonly answers: readonly FeedbackAnswer[];
  /** One line for the commit message. */
  readonly summary: string;
  readonly usage: TokenUsage;
  readonly model: string;
  readonly exchange?: ModelExchange;
}
