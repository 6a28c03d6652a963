import type { AgentConfig } from '../../core/config/agent-config.js';
import { MIRROR_TIMEOUTS } from '../create-aws-client.js';
import { createDocumentClient } from './create-dynamodb-client.js';
import type { DeployLockStore } from '../../core/stores/deploy-lock-store.js';
import { createDynamoDbDeployLockStore } from './dynamodb-deploy-lock-store.js';

/**
 * The deploy lock store the config asks for, or none (the workflow's concurrency group alone). Its
 * calls give up on a silent table as the mirrors' do (`MIRROR_TIMEOUTS`), so a deploy never hangs on its lock.
 */
export function lockStoreForConfig(config: AgentConfig): DeployLockStore | undefined {
  const { mirrors } = config;
  if (mirrors.locks_table === undefined) return undefined;
  return createDynamoDbDeployLockStore({
    client: createDocumentClient({ region: mirrors.region, timeouts: MIRROR_TIMEOUTS }),
    tableName: mirrors.locks_table,
  });
}
