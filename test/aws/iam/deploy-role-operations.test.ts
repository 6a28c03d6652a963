import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEPLOY_ROLE_OPERATIONS } from '../../../src/aws/iam/deploy-role-operations.js';
import type { DeployTaskRecording } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import {
  DEPLOY_ENTRY,
  filesLoadedFrom,
  sdkImportsOf,
  SRC,
  type SdkImport,
} from '../../support/deploy-path-sources.js';
import { iamActionsNeededBy } from '../../support/iam-action-of.js';

/**
 * What the deploy run loads but never calls, each with why, so the role does not grant it:
 * - the artifacts store: `mirrorStoresForConfig` builds it with the other mirrors, but the deploy
 *   run hands its recording only the tables and the bus (`DeployTaskRecording`, checked below);
 * - lib-storage's multipart `Upload`: `putS3Object` uses it only above 16 MiB, and the deploy run
 *   writes templates (at most 1 MB, CloudFormation's `TemplateURL` limit) and small JSON records.
 */
const LOADED_NEVER_CALLED: ReadonlyArray<{ file: string; name?: string }> = [
  { file: 'aws/s3/s3-artifact-store.ts' },
  { file: 'aws/s3/put-s3-object.ts', name: 'Upload' },
];
const neverCalled = (command: SdkImport) =>
  LOADED_NEVER_CALLED.some(
    (entry) => entry.file === command.file && (entry.name === undefined || entry.name === command.name),
  );

/** The recording's mirrors have no artifacts store: a compile error here means the exemption above no longer holds. */
type RecordingMirrors = keyof NonNullable<DeployTaskRecording['mirrors']>;
const recordingHasNoArtifacts: 'artifacts' extends RecordingMirrors ? never : true = true;

const listed = new Set<string>(DEPLOY_ROLE_OPERATIONS.map((operation) => operation.action));

describe('the one list of AWS operations the deploy path calls', () => {
  const loaded = filesLoadedFrom(DEPLOY_ENTRY);
  const commands = sdkImportsOf(loaded).filter((command) => !neverCalled(command));
  const needed = commands.flatMap((command) =>
    iamActionsNeededBy(command).map((action) => ({ ...command, action })),
  );

  it('follows the deploy entry point to every store and client it loads (the walk itself works)', () => {
    const files = loaded.map((file) => path.relative(SRC, file));
    expect(files).toEqual(
      expect.arrayContaining([
        'entry/action/main-control.ts',
        'pipeline/deploy-run/run-deployment.ts',
        'aws/cloudformation/list-stack-resources.ts',
        'aws/codedeploy/wait-for-traffic-shift.ts',
        'aws/eventbridge/eventbridge-publisher.ts',
        'aws/s3/upload-by-content-hash.ts',
        'aws/dynamodb/dynamodb-task-store.ts',
      ]),
    );
    // Generation (Bedrock) runs under the implement workflow's role, never the deploy role.
    expect(files.filter((file) => file.startsWith('generation/'))).toEqual([]);
    expect(commands).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'PutEventsCommand' }),
        expect.objectContaining({ name: 'HeadObjectCommand' }),
        expect.objectContaining({ packageName: '@aws-sdk/lib-dynamodb', name: 'PutCommand' }),
      ]),
    );
  });

  it('lists every permission a call the deploy path can make needs, so a new call without one fails here', () => {
    const missing = needed
      .filter((need) => !listed.has(need.action))
      .map((need) => `${need.action} (${need.name} in ${need.file})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('lists nothing the deploy path never needs, so the role grants no more than it uses', () => {
    const used = new Set(needed.map((need) => need.action));
    expect([...listed].filter((action) => !used.has(action))).toEqual([]);
  });

  it('exempts only what the deploy path loads and never calls, each still where it was', () => {
    expect(recordingHasNoArtifacts).toBe(true);
    for (const entry of LOADED_NEVER_CALLED) {
      expect(loaded).toContain(path.join(SRC, entry.file));
    }
    // The deployment store never lowers the multipart threshold, so its objects go up in one put.
    expect(readFileSync(path.join(SRC, 'aws/s3/s3-deployment-store.ts'), 'utf8')).not.toContain(
      'multipartThresholdBytes',
    );
  });

  it('lists each action once per scope', () => {
    const pairs = new Set(
      DEPLOY_ROLE_OPERATIONS.map((operation) => `${operation.action} ${operation.scope}`),
    );
    expect(pairs.size).toBe(DEPLOY_ROLE_OPERATIONS.length);
  });

  it('grants the task tables, the buckets, the bus and the key what deploy runs call on them', () => {
    const scoped = (scope: string) =>
      DEPLOY_ROLE_OPERATIONS.filter((operation) => operation.scope === scope).map(
        (operation) => operation.action,
      );
    expect(scoped('task-tables').sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(scoped('deployments-bucket').sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(scoped('code-bucket').sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(scoped('deployments-bucket-listing')).toEqual(['s3:ListBucket']);
    expect(scoped('code-bucket-listing')).toEqual(['s3:ListBucket']);
    expect(scoped('event-bus')).toEqual(['events:PutEvents']);
    expect(scoped('kms-key').sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });
});
