/**
 * One row of a stack's resources, as DescribeStackResources (`StackResources`) and
 * ListStackResources (`StackResourceSummaries`) both return it.
 */
export interface StackResourceRow {
  readonly LogicalResourceId?: string | undefined;
  readonly PhysicalResourceId?: string | undefined;
  readonly ResourceType?: string | undefined;
  readonly ResourceStatus?: string | undefined;
}

/** A deployment group whose CodeDeploy deployments a stack update may start. */
export interface TrafficShiftingGroup {
  readonly applicationName: string;
  readonly deploymentGroupName: string;
  /** The group's logical id in the template, for messages people can map back to the template. */
  readonly logicalId: string;
}

/** A deployment group whose application cannot be told from the stack's resources alone. */
export interface UnresolvedTrafficShiftingGroup {
  readonly logicalId: string;
  readonly deploymentGroupName: string;
  readonly reason: string;
}

export interface TrafficShiftingGroups {
  readonly groups: readonly TrafficShiftingGroup[];
  readonly unresolved: readonly UnresolvedTrafficShiftingGroup[];
}

const APPLICATION_TYPE = 'AWS::CodeDeploy::Application';
const GROUP_TYPE = 'AWS::CodeDeploy::DeploymentGroup';
/** Rows left behind by a failed create or a delete name nothing CodeDeploy can list deployments for. */
const GONE_STATUSES = new Set(['CREATE_FAILED', 'DELETE_COMPLETE', 'DELETE_IN_PROGRESS']);

/**
 * The application / deployment-group pairs to watch after a stack update. A group's physical id
 * is its name, but the rows do not say which application it belongs to: that is only certain
 * when the stack holds exactly one application, as SAM's `ServerlessDeploymentApplication` and
 * our blueprints' `CodeDeployApplication` do. Otherwise the group is reported as unresolved
 * rather than guessed, since a wrong pair makes ListDeployments fail.
 */
export function findTrafficShiftingGroups(rows: readonly StackResourceRow[]): TrafficShiftingGroups {
  const live = rows.filter(
    (row) =>
      row.PhysicalResourceId !== undefined &&
      row.PhysicalResourceId !== '' &&
      !GONE_STATUSES.has(row.ResourceStatus ?? ''),
  );
  const applications = live.filter((row) => row.ResourceType === APPLICATION_TYPE);
  const groups: TrafficShiftingGroup[] = [];
  const unresolved: UnresolvedTrafficShiftingGroup[] = [];
  for (const row of live.filter((candidate) => candidate.ResourceType === GROUP_TYPE)) {
    const logicalId = row.LogicalResourceId ?? '';
    const deploymentGroupName = row.PhysicalResourceId ?? '';
    const [application, ...others] = applications;
    if (application?.PhysicalResourceId !== undefined && others.length === 0) {
      groups.push({ applicationName: application.PhysicalResourceId, deploymentGroupName, logicalId });
    } else {
      unresolved.push({ logicalId, deploymentGroupName, reason: unresolvedReason(applications) });
    }
  }
  return { groups, unresolved };
}

function unresolvedReason(applications: readonly StackResourceRow[]): string {
  if (applications.length === 0) {
    return `the stack holds no ${APPLICATION_TYPE}, so the group belongs to an application defined elsewhere`;
  }
  const names = applications.map((row) => row.PhysicalResourceId).join(', ');
  return `the stack holds several CodeDeploy applications (${names}) and its resources do not say which one owns the group`;
}
