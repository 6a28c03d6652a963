import type { ArtifactStore } from '../../core/stores/artifact-store.js';
import { ArtifactsNotStoredError } from './artifacts-not-stored-error.js';
import { GENERATED_FILES_PREFIX } from '../../core/stores/redact-artifact-body.js';
import { redactArtifactPath } from '../../core/stores/redact-artifact-path.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import type { RequestPayload } from '../../core/request/execution-request.js';
import type { GenerationContext } from '../../generation/model-provider.js';
import type { PreparedChange } from '../implement/prepare-change.js';

/** Each artifact's JSON is indented for people reading it in the console or a download. */
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * One generation attempt's artifacts for audit (DESIGN §11), under `<owner>/<repo>/<task>/<attempt>/`:
 * `files/<path>` every generated file, `validation-report.json` the gates' report (or the last
 * findings when validation failed), `prompt.json` what the model was asked (the request, the
 * repository context, the provider) and `answer.json` what it answered (summary, plan, risk notes,
 * file list, model, usage); `model-calls/<n>/prompt.json` and `model-calls/<n>/answer.json` each
 * model call of the attempt whole, as sent and as answered (the provider's `ModelExchange`; none
 * for the offline blueprints). The store redacts every text as it takes it (`redactArtifactBody`, a
 * generated file by its path), so it never holds a secret the scanner finds. Returns the count and bytes written. An artifact
 * the store refuses does not stop the others: every one is tried, then an error names those that
 * failed (`ArtifactsNotStoredError`, with their paths as the store keys them, `redactArtifactPath`,
 * and their reasons redacted: a path that holds a secret is never named as written); the scanner's error is thrown as is (the caller turns either into a warning).
 */
export async function storeAttemptArtifacts(params: {
  store: ArtifactStore;
  repo: string;
  taskId: string;
  attempt: number;
  provider: string;
  request: RequestPayload;
  context: GenerationContext;
  prepared: PreparedChange;
}): Promise<{ stored: number; bytes: number }> {
  const { prepared } = params;
  const { generation } = prepared;
  const where = { repo: params.repo, taskId: params.taskId, attempt: params.attempt };
  let stored = 0;
  let bytes = 0;
  const failed: { path: string; reason: string }[] = [];
  // One artifact the store refuses (a key too long, say) must not cost the attempt the others.
  const put = async (path: string, body: string) => {
    try {
      const artifact = await params.store.put({ ...where, path, body });
      stored += 1;
      bytes += artifact.bytes;
    } catch (error) {
      // Named as the store would key it (a path the model chose may hold a token): the error's
      // paths ride in the public status comment's marker and its message in the comment and logs.
      const reason = error instanceof Error ? error.message : String(error);
      failed.push({ path: await redactArtifactPath(path), reason: await redactSecrets(reason) });
    }
  };
  for (const file of prepared.ok ? prepared.generation.bundle.files : []) {
    await put(`${GENERATED_FILES_PREFIX}${file.path}`, file.content);
  }
  const report = prepared.ok
    ? prepared.generation.report
    : { passed: false, summary: prepared.summary, findings: prepared.generation.findings };
  await put('validation-report.json', json(report));
  await put(
    'prompt.json',
    json({ provider: params.provider, request: params.request, context: params.context }),
  );
  const answer = prepared.ok
    ? {
        model: generation.model,
        attempts: generation.attempts,
        usage: generation.usage,
        summary: prepared.generation.bundle.summary,
        plan: prepared.generation.bundle.plan,
        risk_notes: prepared.generation.bundle.riskNotes,
        files: prepared.generation.bundle.files.map((file) => ({ path: file.path, role: file.role })),
      }
    : {
        model: generation.model,
        attempts: generation.attempts,
        usage: generation.usage,
        summary: prepared.summary,
      };
  await put('answer.json', json(answer));
  // Each model call whole, as sent and as answered (repairs included), for audit.
  for (const [index, exchange] of (generation.exchanges ?? []).entries()) {
    await put(`model-calls/${index + 1}/prompt.json`, json(exchange.prompt));
    await put(`model-calls/${index + 1}/answer.json`, json(exchange.answer));
  }
  if (failed.length > 0) {
    // The first few reasons: the status comment's warning stays one line.
    const more = failed.length > 3 ? `; and ${failed.length - 3} more` : '';
    const reasons = failed.slice(0, 3).map((failure) => `${failure.path}: ${failure.reason}`);
    throw new ArtifactsNotStoredError(
      `${failed.length} artifact(s) could not be stored (${reasons.join('; ')}${more}); ${stored} were.`,
      failed.map((failure) => failure.path),
    );
  }
  return { stored, bytes };
}
