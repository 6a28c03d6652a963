import { isRecord } from '../request/is-record.js';
import { judgeDeployment, type DeploymentJudgement } from './judge-deployment.js';

type Unverified = Exclude<DeploymentJudgement, { trust: 'verified' }>;

/**
 * Proof that one deployment's payload was verified (`judgeDeployment`: created by the agent, its
 * signature holding for the deployment's repository id, sha and environment). Only `judge` makes
 * one: the constructor is private and the class has a private member, so no object of the same
 * shape passes for it. Code that trusts what a payload says (that a task under another name is
 * this repository's, so its shared records may move) takes a proof, and an unverified payload
 * cannot reach it: "a key is configured" is not a proof.
 */
export class VerifiedDeployment {
  readonly #deploymentId: number;

  private constructor(
    deploymentId: number,
    /** The payload's `task_id`, as signed. */
    readonly taskId: string | undefined,
    /** The repository id the signature holds for: the deployment's own, as GitHub reports it. */
    readonly repositoryId: number,
    readonly signedWith: 'current' | 'previous',
    /** The payload's one-time nonce: a run refuses it when an earlier deployment carried it. */
    readonly nonce: string,
  ) {
    this.#deploymentId = deploymentId;
  }

  /**
   * Judges GitHub deployment `deploymentId` (`judgeDeployment`, same parameters): a proof when
   * verified, else the judgement (`unsigned`, `refused`) as it is.
   */
  static judge(
    params: Parameters<typeof judgeDeployment>[0] & { deploymentId: number },
  ): { readonly trust: 'verified'; readonly proof: VerifiedDeployment } | Unverified {
    const judgement = judgeDeployment(params);
    if (judgement.trust !== 'verified') return judgement;
    const taskId = isRecord(params.payload) ? params.payload['task_id'] : undefined;
    return {
      trust: 'verified',
      proof: new VerifiedDeployment(
        params.deploymentId,
        typeof taskId === 'string' ? taskId : undefined,
        params.place.repositoryId,
        judgement.signedWith,
        judgement.nonce,
      ),
    };
  }

  /** Whether this proof is of deployment `deploymentId` and of a payload naming `taskId`. */
  vouchesFor(params: { deploymentId: number; taskId: string | undefined }): boolean {
    return params.deploymentId === this.#deploymentId && params.taskId === this.taskId;
  }
}
