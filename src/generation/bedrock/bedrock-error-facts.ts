/** What can be read off an unknown thrown value from the SDK, without casts at every call site. */
export interface BedrockErrorFacts {
  readonly name: string;
  readonly message: string;
  readonly httpStatus?: number;
  /** Node's network error code (ECONNRESET, ...), when the failure happened below HTTP. */
  readonly networkCode?: string;
}

export function bedrockErrorFacts(error: unknown): BedrockErrorFacts {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { $metadata, code } = error as Error & { $metadata?: { httpStatusCode?: unknown }; code?: unknown };
  const httpStatus = $metadata?.httpStatusCode;
  return {
    name: error.name,
    message: error.message,
    ...(typeof httpStatus === 'number' ? { httpStatus } : {}),
    ...(typeof code === 'string' ? { networkCode: code } : {}),
  };
}
