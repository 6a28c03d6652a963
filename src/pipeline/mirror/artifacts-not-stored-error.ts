/**
 * Some of an attempt's artifacts could not be stored (`storeAttemptArtifacts`): `paths` names them
 * (paths inside the attempt, e.g. `files/src/app.ts`), so the caller can record them for a later
 * step to re-send (the marker's `unsent_artifacts`).
 */
export class ArtifactsNotStoredError extends Error {
  constructor(
    message: string,
    readonly paths: readonly string[],
  ) {
    super(message);
    this.name = 'ArtifactsNotStoredError';
  }
}
