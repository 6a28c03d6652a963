/** What replaces a whole text holding more secrets than the scanner locates one by one. */
export const TOO_MANY_SECRETS_MARKER = '[REDACTED:too-many-secrets]';

/** What stands for a text that could not be checked whole (the scanner failed, or a bound was reached): it never goes out. */
export const NOT_SCANNED_MARKER = '[REDACTED:not-scanned]';
