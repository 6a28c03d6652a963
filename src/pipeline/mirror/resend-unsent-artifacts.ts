import type { ArtifactStore } from '../../core/stores/artifact-store.js';
import type { UnsentArtifacts } from '../../core/state/state-marker.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { readBranchTexts, type BlobClient } from '../../github/read-branch-texts.js';
import { heldInStore } from './held-in-store.js';
import { GENERATED_FILES_PREFIX } from '../../core/stores/redact-artifact-body.js';

const FILES = GENERATED_FILES_PREFIX;

/** What a re-send did: the paths now in the store, and those that cannot be rebuilt, with why. */
export interface ResentArtifacts {
  readonly sent: readonly string[];
  /** One line per kind of loss, for the status comment; empty when nothing was lost. */
  readonly lost: readonly string[];
}

/**
 * Re-sends an attempt's artifacts the store did not take (the marker's `unsent_artifacts`, issue
 * #10): each `files/<path>` is read back from `commit_sha` — the commit the trusted marker
 * recorded, read by its sha and never at the branch's head, so a later push cannot stand in for
 * the agent's files — redacted by the store as it takes them (`redactArtifactBody`), and stored again. The rest
 * cannot be rebuilt and is named in `lost`: the prompt, the model's answer and the model calls
 * exist nowhere else, and the validation report is not re-derived (the gates' result depends on
 * the whole bundle, the file roles the model gave and the config at the time; the check run on
 * the commit shows it) — unless the store holds it after all (a put that timed out after S3 stored
 * it): then it counts as sent. Throws what the store or GitHub throws: the caller keeps the record
 * and the next step tries again.
 */
export async function resendUnsentArtifacts(params: {
  store: ArtifactStore;
  client: BlobClient;
  owner: string;
  repo: string;
  taskId: string;
  unsent: UnsentArtifacts;
}): Promise<ResentArtifacts> {
  const { unsent } = params;
  const where = { repo: `${params.owner}/${params.repo}`, taskId: params.taskId, attempt: unsent.attempt };
  const files = unsent.paths.filter((path) => path.startsWith(FILES)).map((path) => path.slice(FILES.length));
  const others = unsent.paths.filter((path) => !path.startsWith(FILES));
  const sha = unsent.commit_sha;
  const texts =
    sha === undefined
      ? new Map<string, string>()
      : await readBranchTexts({
          client: params.client,
          owner: params.owner,
          repo: params.repo,
          sha,
          paths: files,
        });
  const sent: string[] = [];
  for (const path of files) {
    const text = texts.get(path);
    if (text === undefined) continue;
    await params.store.put({ ...where, path: `${FILES}${path}`, body: text });
    sent.push(`${FILES}${path}`);
  }
  // What cannot be rebuilt may be in the store after all (a put that timed out after S3 stored it).
  const held = async (paths: readonly string[]) => {
    const kept: string[] = [];
    for (const path of paths) {
      // A store that cannot be read says nothing held: the path is named lost, as before.
      if (await heldInStore({ read: () => params.store.get({ ...where, path }) })) sent.push(path);
      else kept.push(path);
    }
    return kept;
  };
  const missing = await held(files.filter((path) => !texts.has(path)).map((path) => `${FILES}${path}`));
  const gone = await held(others);
  const lost = [
    ...(missing.length === 0
      ? []
      : [
          sha === undefined
            ? `${list(missing)} (never published)`
            : `${list(missing)} (not a text file at ${sha.slice(0, 7)})`,
        ]),
    ...(gone.length === 0 ? [] : [`${list(gone)} (kept nowhere else)`]),
    ...(unsent.more === undefined ? [] : [`${unsent.more} more artifact(s) not named in the status`]),
  ];
  return { sent, lost };
}

function list(paths: readonly string[]): string {
  // Generated paths are the model's text: shown literally, never as markup.
  return paths.map((path) => untrustedInline(path)).join(', ');
}
