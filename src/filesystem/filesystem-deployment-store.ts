import { redactDeployment } from '../core/stores/redact-deployment.js';
import path from 'node:path';
import type { DeploymentKey, DeploymentStore, StoredDeployment } from '../core/stores/deployment-store.js';
import { storedDeploymentRecordSchema } from '../core/stores/deployment-store.js';
import { sha256Hex } from '../core/stores/sha256-hex.js';
import { deploymentPrefix, deploymentPrefixesToRead } from '../core/stores/store-keys.js';
import { parseStoredJson } from './parse-stored-json.js';
import { readOptionalFile } from './read-optional-file.js';
import { writeFileAtomically } from './write-file-atomically.js';

/**
 * The deployment store in a folder, laid out as the S3 deployments bucket:
 * `<owner>/<repo>/<env>/<deployment_id>/{template,parameters,outputs,record}.json`
 * (`deploymentPrefix`; read from `deploymentPrefixesToRead`). In a workflow, upload the folder as
 * an artifact to keep it.
 */
export function createFilesystemDeploymentStore(root: string): DeploymentStore {
  const folderOf = (key: DeploymentKey) => path.join(root, ...deploymentPrefix(key).split('/'));
  return {
    async save(given) {
      // Redacted here, at the port, so no caller can keep a secret by forgetting to redact first.
      const deployment = await redactDeployment(given);
      const folder = folderOf(deployment);
      const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
      await writeFileAtomically(path.join(folder, 'template.json'), deployment.template);
      await writeFileAtomically(path.join(folder, 'parameters.json'), json(deployment.parameters));
      await writeFileAtomically(path.join(folder, 'outputs.json'), json(deployment.outputs));
      const { template, ...rest } = deployment;
      // The record goes last: a load finds it only once everything it describes is there.
      await writeFileAtomically(
        path.join(folder, 'record.json'),
        json({ ...rest, templateSha256: sha256Hex(template) }),
      );
    },
    async load(key) {
      for (const prefix of deploymentPrefixesToRead(key)) {
        const found = await loadFrom(path.join(root, ...prefix.split('/')));
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

/** The deployment stored in `folder`, or `undefined` when it is not there whole. */
async function loadFrom(folder: string): Promise<StoredDeployment | undefined> {
  const recordFile = path.join(folder, 'record.json');
  const [recordBytes, templateBytes] = await Promise.all([
    readOptionalFile(recordFile),
    readOptionalFile(path.join(folder, 'template.json')),
  ]);
  if (recordBytes === undefined || templateBytes === undefined) return undefined;
  const record = parseStoredJson({
    text: recordBytes.toString('utf8'),
    schema: storedDeploymentRecordSchema,
    source: recordFile,
  });
  const template = templateBytes.toString('utf8');
  // A template that no longer matches its recorded hash is not "exactly what was deployed".
  if (sha256Hex(template) !== record.templateSha256) return undefined;
  return { ...record, template };
}
