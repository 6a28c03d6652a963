import type { DeploymentRecord } from '../../core/deploy/deployment-record.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { branchContainsSha, type CompareClient } from '../../github/branch-contains-sha.js';

/*
 * `allowed_refs` means the same for `/rollback` as for `/deploy`: the branch the sha was on when it
 * was deployed, recorded in its payload and matched by `authorizeDeploy`. These two checks surround
 * that match; neither applies when the environment allows every branch.
 */

/** A deployment that recorded no branch cannot be matched, so it is not redeployed. */
export function unrecordedBranch(params: {
  target: DeploymentRecord;
  allowedRefs: readonly string[];
}): string | undefined {
  const { target } = params;
  if (params.allowedRefs.length === 0 || target.branch !== undefined) return undefined;
  return (
    `Deployment ${target.id} (\`${target.sha.slice(0, 7)}\`) records no branch, so whether it came from an ` +
    `allowed branch (rule \`allowed-refs\`) cannot be checked, and it was not redeployed. Please deploy the ` +
    `commit you want with \`/deploy\` from an allowed branch instead.`
  );
}

/** GitHub confirms the recorded branch still contains the sha; a branch rewritten or deleted since does not. */
export async function branchNoLongerHolds(params: {
  client: CompareClient;
  owner: string;
  repo: string;
  target: DeploymentRecord;
  allowedRefs: readonly string[];
}): Promise<string | undefined> {
  const { target } = params;
  if (params.allowedRefs.length === 0 || target.branch === undefined) return undefined;
  const contained = await branchContainsSha({ ...params, branch: target.branch, sha: target.sha });
  if (contained) return undefined;
  return (
    `Deployment ${target.id} deployed \`${target.sha.slice(0, 7)}\` from ${codeSpan(target.branch)}, which ` +
    `no longer contains it (rule \`allowed-refs\` reads the branch a sha is on), so it was not redeployed. ` +
    `Please roll back to a deployment whose commit is still on an allowed branch.`
  );
}
