import type { MarkerKeys } from '../core/state/marker-keys.js';

/**
 * What a runtime tells the pipeline about itself so it can judge markers: the login its comments
 * are written as, asked of GitHub on first use, and the marker keys it signs with.
 */
export interface StatusTrust {
  /** e.g. `implementation-agent[bot]`; rejects when GitHub cannot say. */
  identity(): Promise<string>;
  readonly keys: MarkerKeys | undefined;
}

/**
 * A StatusTrust whose identity is asked for once and then remembered; a failed answer is
 * forgotten, so the next event asks again.
 */
export function statusTrust(params: {
  identity: () => Promise<string>;
  keys: MarkerKeys | undefined;
}): StatusTrust {
  let asked: Promise<string> | undefined;
  return {
    keys: params.keys,
    identity() {
      asked ??= params.identity().catch((error: unknown) => {
        asked = undefined;
        throw error;
      });
      return asked;
    },
  };
}
