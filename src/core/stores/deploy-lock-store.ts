/** Who is deploying what to one environment of one repository, and until when. */
export interface DeployLock {
  environment: string;
  /** `owner/repo`. */
  repository: string;
  /** GitHub login of whoever asked for the deploy. */
  holder: string;
  ref: string;
  sha: string;
  deploymentId?: number;
  runUrl?: string;
  /** ISO 8601. */
  acquiredAt: string;
  /** Epoch seconds; also the table's TTL attribute. */
  expiresAt: number;
  /** Random id that proves ownership: only its holder can release or extend the lock. */
  token: string;
}

export interface DeployLockKey {
  repository: string;
  environment: string;
}

export interface AcquireDeployLockParams extends DeployLockKey {
  holder: string;
  ref: string;
  sha: string;
  deploymentId?: number;
  runUrl?: string;
  /** Overrides the store's default lifetime for this lock. */
  ttlSeconds?: number;
}

export type AcquireDeployLockResult =
  { acquired: true; lock: DeployLock } | { acquired: false; heldBy: DeployLock };

export type HeartbeatResult = { extended: true; lock: DeployLock } | { extended: false };

/** One deploy per environment at a time. An expired lock counts as absent everywhere. */
export interface DeployLockStore {
  /** Takes the lock when it is free or expired; otherwise says who holds it. */
  acquire(params: AcquireDeployLockParams): Promise<AcquireDeployLockResult>;
  /**
   * Only the token's owner releases: another lock in the place (a lock already taken over, or
   * another run's) gets `not-held`. No lock at all is `released`: the token's lock is gone, whether
   * this release removed it (a retried delete whose first answer was lost finds nothing) or it expired.
   */
  release(params: DeployLockKey & { token: string }): Promise<'released' | 'not-held'>;
  /** For `/unlock`: removes the lock whoever holds it, and returns what it removed. */
  forceRelease(params: DeployLockKey): Promise<DeployLock | undefined>;
  current(params: DeployLockKey): Promise<DeployLock | undefined>;
  /** Pushes a running deploy's expiry to `ttlSeconds` from now, while the token still owns the lock. */
  heartbeat(params: DeployLockKey & { token: string; ttlSeconds?: number }): Promise<HeartbeatResult>;
}
