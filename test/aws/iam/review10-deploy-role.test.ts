import { DEPLOY_ROLE_OPERATIONS } from '../../../src/aws/iam/deploy-role-operations.js';
import { renderDeployRoleTemplate } from '../../../src/aws/iam/deploy-role-template.js';

/**
 * The deploy run writes the mirrors it is configured with (README "Mirrors": the deploy workflow's
 * steps go through the task's status board, then "the mirrors and the event bus"), under the role
 * `infrastructure/deploy-role.yaml` makes. What that role must allow for those writes to succeed on
 * real AWS (moto does not enforce IAM, so test:aws cannot see these).
 */
const actions = () => new Set<string>(DEPLOY_ROLE_OPERATIONS.map((operation) => operation.action));

describe('review10: the deploy role against what the deploy run writes', () => {
  it.failing(
    'FAULT: the deploy role has no events:PutEvents, so with mirrors.event_bus every Deploy Started/Succeeded/Failed from the deploy run is refused',
    () => {
      expect(actions().has('events:PutEvents')).toBe(true);
      expect(renderDeployRoleTemplate()).toContain('events:PutEvents');
    },
  );

  it.failing(
    'FAULT: the deploy role has no s3:ListBucket, so S3 answers HEAD of a not-yet-uploaded code zip with 403 and uploadByContentHash throws (first packaged deploy fails)',
    () => {
      // AWS S3 docs (HeadObject): without s3:ListBucket a missing key answers 403 Forbidden, not 404;
      // upload-by-content-hash.ts `exists` only treats 404/NotFound as missing. The README's mirror
      // section itself lists ListBucket as needed.
      expect(actions().has('s3:ListBucket')).toBe(true);
    },
  );

  it.failing(
    'FAULT: with mirrors.kms_key_id the deploy run puts SSE-KMS objects, but the deploy role grants no kms:GenerateDataKey (nor kms:Decrypt to read templates back)',
    () => {
      expect(actions().has('kms:GenerateDataKey')).toBe(true);
      expect(actions().has('kms:Decrypt')).toBe(true);
    },
  );
});
