import { redactDeployment } from '../../core/stores/redact-deployment.js';
import type { S3Client } from '@aws-sdk/client-s3';
import { templateContentType } from '../../core/stores/content-type-for.js';
import {
  storedDeploymentRecordSchema,
  type DeploymentStore,
  type StoredDeployment,
} from '../../core/stores/deployment-store.js';
import { sha256Hex } from '../../core/stores/sha256-hex.js';
import {
  deploymentPrefix,
  deploymentPrefixesToRead,
  nestedTemplatePrefix,
} from '../../core/stores/store-keys.js';
import { uploadByContentHash } from './upload-by-content-hash.js';
import { bucketError } from './bucket-error.js';
import { putS3Object } from './put-s3-object.js';
import { readS3Object } from './read-s3-object.js';

/**
 * Deployments in the deployments bucket (DESIGN §11):
 * `<owner>/<repo>/<env>/<deployment_id>/{template,parameters,outputs}.json`, plus `record.json`
 * (sha, stack, hashes) written last, so a load finds a record only once all it names is there.
 * Rollbacks on hosted runners read the exact template and parameters back from here.
 */
export function createS3DeploymentStore(params: {
  s3: S3Client;
  bucket: string;
  kmsKeyId?: string;
}): DeploymentStore {
  const { s3, bucket } = params;
  const kms = params.kmsKeyId === undefined ? {} : { kmsKeyId: params.kmsKeyId };
  const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');

  return {
    async save(given) {
      // Redacted here, at the port, so no caller can keep a secret by forgetting to redact first.
      const deployment = await redactDeployment(given);
      const prefix = deploymentPrefix(deployment);
      const { template, ...rest } = deployment;
      const objects = [
        {
          name: 'template.json',
          body: Buffer.from(template, 'utf8'),
          contentType: templateContentType(template),
        },
        { name: 'parameters.json', body: json(deployment.parameters), contentType: 'application/json' },
        { name: 'outputs.json', body: json(deployment.outputs), contentType: 'application/json' },
        {
          name: 'record.json',
          body: json({ ...rest, templateSha256: sha256Hex(template) }),
          contentType: 'application/json',
        },
      ];
      for (const object of objects) {
        const key = prefix + object.name;
        try {
          await putS3Object({ s3, bucket, key, body: object.body, contentType: object.contentType, ...kms });
        } catch (error) {
          throw bucketError({ action: 'store the deployment at', bucket, key, error });
        }
      }
    },

    async stageTemplate(params) {
      const key = deploymentPrefix(params) + 'template.json';
      const body = Buffer.from(params.template, 'utf8');
      try {
        await putS3Object({
          s3,
          bucket,
          key,
          body,
          contentType: templateContentType(params.template),
          ...kms,
        });
      } catch (error) {
        throw bucketError({ action: 'upload the template to', bucket, key, error });
      }
      return templateUrlOf({ bucket, key, region: await s3.config.region() });
    },

    async stageNestedTemplate(params) {
      const json = templateContentType(params.template) === 'application/json';
      const uploaded = await uploadByContentHash({
        s3,
        bucket,
        keyPrefix: nestedTemplatePrefix(params.repository),
        body: Buffer.from(params.template, 'utf8'),
        extension: json ? '.json' : '.yaml',
        contentType: templateContentType(params.template),
        what: 'the nested template',
        ...kms,
      });
      return templateUrlOf({ bucket, key: uploaded.key, region: await s3.config.region() });
    },

    async load(key) {
      for (const prefix of deploymentPrefixesToRead(key)) {
        const found = await loadFrom(prefix);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };

  async function loadFrom(prefix: string): Promise<StoredDeployment | undefined> {
    const read = (name: string) =>
      readS3Object({ s3, bucket, key: prefix + name }).catch((error: unknown) => {
        throw bucketError({ action: 'read the deployment at', bucket, key: prefix + name, error });
      });
    const [recordObject, templateObject] = await Promise.all([read('record.json'), read('template.json')]);
    if (recordObject === undefined || templateObject === undefined) return undefined;
    const parsed = storedDeploymentRecordSchema.safeParse(
      parseJson(Buffer.from(recordObject.body).toString('utf8')),
    );
    if (!parsed.success) {
      throw new Error(`s3://${bucket}/${prefix}record.json is not a deployment record this agent wrote.`);
    }
    const template = Buffer.from(templateObject.body).toString('utf8');
    // A template that no longer matches its recorded hash is not "exactly what was deployed".
    if (sha256Hex(template) !== parsed.data.templateSha256) return undefined;
    return { ...parsed.data, template };
  }
}

/**
 * The path-style URL CloudFormation reads a template from (`TemplateURL`), e.g.
 * `https://s3.ap-southeast-2.amazonaws.com/<bucket>/<key>`; path style, so a bucket name with dots
 * still matches S3's certificate (S3 User Guide, "Virtual hosting of buckets").
 */
function templateUrlOf(params: { bucket: string; key: string; region: string }): string {
  const path = params.key.split('/').map(encodeURIComponent).join('/');
  const domain = params.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://s3.${params.region}.${domain}/${params.bucket}/${path}`;
}

/** Text that is not JSON reads as `undefined`, which the record's schema then refuses. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
