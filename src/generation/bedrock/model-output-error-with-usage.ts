import type { ModelExchange, TokenUsage } from '../model-provider.js';
import { ModelOutputError } from '../model-provider.js';

/**
 * A ModelOutputError that remembers what the unusable answer cost (the tokens were spent even
 * though the repair loop must ask again, and budgets have to count them) and the call itself, for audit.
 */
export class ModelOutputErrorWithUsage extends ModelOutputError {
  /** `problems` replaces the error's own, e.g. with secrets redacted. */
  constructor(params: {
    error: ModelOutputError;
    usage: TokenUsage;
    problems?: readonly string[];
    exchange?: ModelExchange;
  }) {
    super(params.error.message, params.problems ?? params.error.problems, params.usage, params.exchange);
  }
}
