import type { ArtifactStore } from '../core/stores/artifact-store.js';
import type { DeploymentStore } from '../core/stores/deployment-store.js';
import type { TaskEventStore } from '../core/stores/task-event-store.js';
import type { TaskStore } from '../core/stores/task-store.js';
import path from 'node:path';
import { createFilesystemArtifactStore } from './filesystem-artifact-store.js';
import { createFilesystemDeploymentStore } from './filesystem-deployment-store.js';
import { createFilesystemTaskEventStore } from './filesystem-task-event-store.js';
import { createFilesystemTaskStore } from './filesystem-task-store.js';

export interface FilesystemStores {
  readonly tasks: TaskStore;
  readonly events: TaskEventStore;
  readonly artifacts: ArtifactStore;
  readonly deployments: DeploymentStore;
}

/**
 * Every store in one local folder (`.implementation-agent/` or `--out`), the default when no AWS
 * mirror is configured (DESIGN §3): `tasks/`, `artifacts/` (+ `artifact-metadata/`), `deployments/`.
 */
export function filesystemStores(root: string): FilesystemStores {
  return {
    tasks: createFilesystemTaskStore(root),
    events: createFilesystemTaskEventStore(root),
    artifacts: createFilesystemArtifactStore(root),
    deployments: createFilesystemDeploymentStore(path.join(root, 'deployments')),
  };
}
