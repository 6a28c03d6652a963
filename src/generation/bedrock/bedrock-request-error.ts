/** A Bedrock call that failed for a reason the model cannot repair; the message says what to do. */
export class BedrockRequestError extends Error {
  constructor(params: {
    message: string;
    /** The AWS error name (ThrottlingException, AccessDeniedException, ...). */
    code: string;
    retryable: boolean;
    cause: unknown;
  }) {
    super(params.message, { cause: params.cause });
    this.name = 'BedrockRequestError';
    this.code = params.code;
    this.retryable = params.retryable;
  }

  readonly code: string;
  /** True when the failure was transient and simply outlasted the retries: running again later may work. */
  readonly retryable: boolean;
}
