import type { ArtifactStore } from '../../core/stores/artifact-store.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { ModelExchange } from '../../generation/model-provider.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The model call of a review-feedback revision (`reviseFreeText`) for audit, as generation's are
 * kept (`storeAttemptArtifacts`): `model-calls/<call>/prompt.json` and `.../answer.json` under the
 * attempt the revision is for, each redacted by the store as it takes it (`redactArtifactBody`). `call` names the
 * call inside the attempt (`1` for a revision that starts its own attempt). Returns a one-line
 * warning for the status comment when the store refused either, never throws: the revision goes on.
 */
export async function storeRevisionExchange(params: {
  store: ArtifactStore | undefined;
  repo: string;
  taskId: string;
  attempt: number;
  call: string;
  exchange: ModelExchange | undefined;
}): Promise<string | undefined> {
  const { store, exchange } = params;
  if (store === undefined || exchange === undefined) return undefined;
  const where = { repo: params.repo, taskId: params.taskId, attempt: params.attempt };
  const base = `model-calls/${params.call}`;
  try {
    await store.put({
      ...where,
      path: `${base}/prompt.json`,
      body: json(exchange.prompt),
    });
    await store.put({
      ...where,
      path: `${base}/answer.json`,
      body: json(exchange.answer),
    });
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `⚠️ The model call of this revision could not be stored for audit (${untrustedInline(reason)}); it is not kept anywhere else.`;
  }
}
