import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeploymentKey, DeploymentStore, StoredDeployment } from '../core/deploy/deployment-store.js';

/**
 * The deployment store in a folder, laid out as the S3 deployments bucket will be:
 * `<owner>/<repo>/<env>/<deployment_id>/{template,parameters,outputs,record}.json`. In a workflow,
 * upload the folder as an artifact to keep it.
 */
export function createLocalDeploymentStore(root: string): DeploymentStore {
  const folderOf = (key: DeploymentKey) =>
    path.join(
      root,
      ...key.repository.split('/').map(safeSegment),
      safeSegment(key.environment),
      String(key.deploymentId),
    );
  return {
    async save(deployment) {
      const folder = folderOf(deployment);
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'template.json'), deployment.template);
      await writeFile(
        path.join(folder, 'parameters.json'),
        JSON.stringify(deployment.parameters, null, 2) + '\n',
      );
      await writeFile(path.join(folder, 'outputs.json'), JSON.stringify(deployment.outputs, null, 2) + '\n');
      const { template, ...rest } = deployment;
      const record = { ...rest, templateSha256: sha256(template) };
      await writeFile(path.join(folder, 'record.json'), JSON.stringify(record, null, 2) + '\n');
    },
    async load(key) {
      const folder = folderOf(key);
      try {
        const record = JSON.parse(await readFile(path.join(folder, 'record.json'), 'utf8')) as Omit<
          StoredDeployment,
          'template'
        >;
        const template = await readFile(path.join(folder, 'template.json'), 'utf8');
        // A template that no longer matches its recorded hash is not "exactly what was deployed".
        if (sha256(template) !== record.templateSha256) return undefined;
        return { ...record, template };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Names come from GitHub and config; nothing in them may climb out of the store's folder. */
function safeSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+$/, '_');
}
