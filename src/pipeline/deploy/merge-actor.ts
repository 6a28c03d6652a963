import { canChange, type RepositoryPermission } from '../../core/deploy/repository-permission.js';
import { mention } from '../../core/markdown/mention.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import {
  repositoryPermissionLevel,
  type PermissionClient,
} from '../../github/repository-permission-level.js';
import type { StatusTrust } from '../../github/status-trust.js';
import { currentLogin, type AccountLookupClient } from '../../github/current-login.js';

/** Whom a deploy on merge acts for, with their permission now; `mergedByAgent` when the agent merged. */
export type MergeActor =
  | {
      readonly ok: true;
      readonly login: string;
      readonly permission: RepositoryPermission;
      /** The agent's login, when it merged the pull request itself and the deploy acts for the requester. */
      readonly mergedByAgent?: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Who deploys a merge (issue #9 item 7). A person who merged deploys as themselves. When the
 * merger is the agent's own identity — merge-when-green, or GitHub's auto-merge the agent armed,
 * which GitHub records as merged by whoever enabled it — a bot's permission is `none`, so the
 * deploy acts for the task's requester as the trusted marker records it (never the pull request
 * body), whose permission is asked of GitHub now (collaborator permission API): one who no longer
 * has write, maintain or admin is refused, naming why. A requester the marker knows by account id
 * (`requester_id`) is looked up by it (`currentLogin`): after a rename the recorded login may be
 * nobody's, or someone else's who took it, and the deploy must not act for them; a deleted account
 * is refused. The deploy rules then check that login (`deployers`, teams) as for any deployer.
 * Throws GitHub's HTTP errors other than a 404.
 */
export async function mergeActor(params: {
  client: PermissionClient & AccountLookupClient;
  trust: Pick<StatusTrust, 'identity'>;
  owner: string;
  repo: string;
  merger: string;
  /** The task's trusted marker. */
  marker: Pick<TaskMarker, 'requester' | 'requester_id'>;
}): Promise<MergeActor> {
  const { client, owner, repo, merger } = params;
  const agent = await params.trust.identity();
  if (merger.toLowerCase() !== agent.toLowerCase()) {
    return {
      ok: true,
      login: merger,
      permission: await repositoryPermissionLevel({ client, owner, repo, username: merger }),
    };
  }
  const recorded = params.marker.requester;
  if (recorded === undefined) {
    return {
      ok: false,
      message:
        'implementation-agent merged it itself, and the task records no requester to deploy for. ' +
        'Someone with write access can deploy it with `/deploy`.',
    };
  }
  const accountId = params.marker.requester_id;
  const requester = accountId === undefined ? recorded : await currentLogin({ client, accountId });
  if (requester === undefined) {
    return {
      ok: false,
      message:
        `implementation-agent merged it itself, and ${mention(recorded)}, who asked for this task, no longer has a ` +
        'GitHub account, so the agent does not deploy for them. Someone with write access can deploy it with `/deploy`.',
    };
  }
  const permission = await repositoryPermissionLevel({ client, owner, repo, username: requester });
  if (!canChange(permission)) {
    return {
      ok: false,
      message:
        `implementation-agent merged it for ${mention(requester)}, who asked for this task, but ${mention(requester)} ` +
        `no longer has write access to ${owner}/${repo} (GitHub: ${permission}), so the agent does not deploy for them. ` +
        'Someone with write access can deploy it with `/deploy`.',
    };
  }
  return { ok: true, login: requester, permission, mergedByAgent: agent };
}
