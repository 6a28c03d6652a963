import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { createAwsClient, MIRROR_TIMEOUTS, type AwsClientSettings } from '../../aws/create-aws-client.js';
import { createDocumentClient } from '../../aws/dynamodb/create-dynamodb-client.js';
import { createDynamoDbTaskEventStore } from '../../aws/dynamodb/dynamodb-task-event-store.js';
import { createDynamoDbTaskStore } from '../../aws/dynamodb/dynamodb-task-store.js';
import { createEventBridgePublisher } from '../../aws/eventbridge/eventbridge-publisher.js';
import { createS3ArtifactStore } from '../../aws/s3/s3-artifact-store.js';
import { createS3DeploymentStore } from '../../aws/s3/s3-deployment-store.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import type { ArtifactStore } from '../../core/stores/artifact-store.js';
import type { DeploymentStore } from '../../core/stores/deployment-store.js';
import type { LifecyclePublisher } from '../../core/stores/lifecycle-publisher.js';
import type { TaskEventStore } from '../../core/stores/task-event-store.js';
import type { TaskStore } from '../../core/stores/task-store.js';

/** The AWS mirrors the config names (DESIGN §11); each is absent when its table or bucket is not configured. */
export interface MirrorStores {
  readonly tasks?: TaskStore;
  readonly events?: TaskEventStore;
  readonly artifacts?: ArtifactStore;
  readonly deployments?: DeploymentStore;
  /** Lifecycle events to `mirrors.event_bus` (EventBridge). */
  readonly publisher?: LifecyclePublisher;
  /** Closes the clients' connections; a long-lived process calls it when it stops using the stores. */
  readonly close: () => void;
}

/**
 * Builds the stores (and the lifecycle event publisher) for `mirrors` in the config, all clients from the one factory in the mirrors'
 * region, with `MIRROR_TIMEOUTS`. `aws` overrides the endpoint, credentials and timeouts (a stand-in such as moto). With nothing
 * configured, this is empty and the local folder is the only store. A stand-in named only in the
 * environment (`AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, as the SDK reads them) also gets its
 * buckets addressed by path: `my-artifacts.localhost` does not resolve.
 */
export function mirrorStoresForConfig(params: {
  config: AgentConfig;
  aws?: Omit<AwsClientSettings, 'region'>;
  /** Where the endpoint variables are read; `process.env` by default. */
  env?: Readonly<Record<string, string | undefined>>;
}): MirrorStores {
  const { mirrors } = params.config;
  // A silent mirror must not hold the task: every mirror call gives up (`MIRROR_TIMEOUTS`), then warns.
  const settings: AwsClientSettings = { timeouts: MIRROR_TIMEOUTS, ...params.aws, region: mirrors.region };
  const needsTables = mirrors.tasks_table !== undefined || mirrors.results_table !== undefined;
  const needsBuckets = mirrors.artifacts_bucket !== undefined || mirrors.deployments_bucket !== undefined;
  const documents = needsTables ? createDocumentClient(settings) : undefined;
  // Stand-ins serve buckets by path; AWS itself by host name.
  const env = params.env ?? process.env;
  const s3Endpoint =
    settings.endpoint ?? (env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined);
  const s3 = needsBuckets
    ? createAwsClient(
        S3Client,
        { ...settings, ...(s3Endpoint === undefined ? {} : { endpoint: s3Endpoint }) },
        { forcePathStyle: s3Endpoint !== undefined },
      )
    : undefined;
  const events = mirrors.event_bus === undefined ? undefined : createAwsClient(EventBridgeClient, settings);
  const kms = mirrors.kms_key_id === undefined ? {} : { kmsKeyId: mirrors.kms_key_id };
  return {
    close: () => {
      documents?.destroy();
      s3?.destroy();
      events?.destroy();
    },
    ...(documents && mirrors.tasks_table !== undefined
      ? { tasks: createDynamoDbTaskStore({ client: documents, tableName: mirrors.tasks_table }) }
      : {}),
    ...(documents && mirrors.results_table !== undefined
      ? { events: createDynamoDbTaskEventStore({ client: documents, tableName: mirrors.results_table }) }
      : {}),
    ...(s3 && mirrors.artifacts_bucket !== undefined
      ? { artifacts: createS3ArtifactStore({ s3, bucket: mirrors.artifacts_bucket, ...kms }) }
      : {}),
    ...(s3 && mirrors.deployments_bucket !== undefined
      ? { deployments: createS3DeploymentStore({ s3, bucket: mirrors.deployments_bucket, ...kms }) }
      : {}),
    ...(events && mirrors.event_bus !== undefined
      ? { publisher: createEventBridgePublisher({ client: events, busName: mirrors.event_bus }) }
      : {}),
  };
}
