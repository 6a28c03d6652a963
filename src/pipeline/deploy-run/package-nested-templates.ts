import { parseTemplate } from '../../core/cfn/parse-template.js';
import { rewriteValuesAt, type ValueEdit } from '../../core/cfn/rewrite-values-at.js';
import { isPlainObject } from '../../core/cfn/is-plain-object.js';
import {
  rewriteResourceProperties,
  type ResourcePropertyEdit,
} from '../../core/cfn/rewrite-resource-properties.js';
import {
  CODE_BUCKET_PARAMETER,
  CODE_KEY_PARAMETER,
  takesCodeLocation,
} from '../../core/deploy/code-package-plan.js';
import { localArtifacts } from '../../core/deploy/local-artifacts.js';
import { localIncludes } from '../../core/deploy/local-includes.js';
import { packagedPropertyEdit } from '../../core/deploy/packaged-property-edit.js';
import { uploadedLocationValue } from '../../core/deploy/packageable-properties.js';
import { localNestedTemplates, type LocalNestedTemplate } from '../../core/deploy/local-nested-templates.js';
import { TEMPLATE_URL_LIMIT_BYTES } from '../../core/gates/check-template.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { MAX_NESTED_BYTES, MAX_NESTED_DEPTH } from '../../core/risk/nested-stack-risks.js';
import type { NestedTemplates } from '../../core/cfn/nested-stack-secrets.js';
import type { CodeRequest, CodeUpload } from './upload-repository-code.js';

export type PackagedTemplate =
  | {
      readonly template: string;
      /**
       * Each nested template uploaded, as packaged: its URL as the packaged templates name it →
       * its text, so a deploy can judge which nested outputs carry a secret (`maskNoEchoOutputs`).
       */
      readonly nestedTemplates: NestedTemplates;
    }
  | { readonly refusal: string };

/** What packaging a template needs from outside: the repository's files and the bucket. */
export interface NestedTemplateSources {
  /** A repository file at the deployed sha (`/`-separated path); undefined when there is none. */
  readFile(path: string): Promise<string | undefined>;
  /**
   * Uploads a nested template by content hash and returns the URL CloudFormation reads it from
   * (`DeploymentStore.stageNestedTemplate`); absent without a deployments bucket.
   */
  stage: ((template: string) => Promise<string>) | undefined;
  /**
   * Uploads Lambda code or another artifact of the checkout by content hash
   * (`uploadRepositoryCode`), or refuses (no code bucket, no checkout at the sha); absent where the
   * run cannot package code.
   */
  packageCode: ((request: CodeRequest) => Promise<CodeUpload>) | undefined;
}

/**
 * The template to deploy, with every nested stack whose template is a file of the repository
 * (`localNestedTemplates`: `TemplateURL` of `AWS::CloudFormation::Stack`, `Location` of
 * `AWS::Serverless::Application`) pointed at that file uploaded to the deployments bucket by
 * content hash, as `aws cloudformation package` does: CloudFormation reads a nested template only
 * from S3. Lambda code and the other local artifacts `aws cloudformation package` uploads are
 * packaged the same way in every template walked, before that template is hashed (so an uploaded
 * template names its uploaded artifacts): a local path in a packageable property
 * (`localArtifacts`: a function's `Code`/`CodeUri`, a layer's `Content`/`ContentUri`, an API's or
 * state machine's definition, an AppSync schema or mapping template…) is uploaded as it is (a
 * folder zipped; a file zipped alone where Lambda reads only a zip) and replaced by its S3
 * location in the form that property takes, the file an `AWS::Include` transform names anywhere
 * in the template (`localIncludes`) is uploaded as it is and its `Location` becomes the `s3://`
 * URI, and a nested template
 * taking its code's location as the blueprints do (`CodeS3Key` without a Default) that its parent
 * does not pass has its folder built (`npm run build`, `dist/` zipped) and `CodeS3Bucket` and
 * `CodeS3Key` added to the nested stack's `Parameters` (`sources.packageCode`). The top-level
 * template's own `CodeS3Key` stays the deploy parameters' (`packageFunctionCode`). Nested templates
 * are packaged first (depth first, each file and each code folder once), so each upload is the
 * template as it will run. Bounded as the risk classifier bounds what it judges (`nestedStacks`):
 * at most `MAX_NESTED_DEPTH` levels and `MAX_NESTED_BYTES` in all, each at most CloudFormation's
 * 1 MB for a template read from S3 (`TEMPLATE_URL_LIMIT_BYTES`), no cycle. A template with nothing
 * local is returned as it is. Refused, with nothing deployed: a local template without a bucket to
 * take it (naming `mirrors.deployments_bucket`), local code without a code bucket (naming it and
 * the environment's `code_bucket`) or a checkout at the sha, a path leaving the repository or
 * naming no file, a bound passed, an upload or build that failed, a value that cannot be rewritten
 * in place.
 */
export async function packageNestedTemplates(params: {
  template: string;
  templatePath: string;
  sources: NestedTemplateSources;
  log: (line: string) => void;
}): Promise<PackagedTemplate> {
  const packager = new NestedTemplatePackager(params.sources, params.log);
  try {
    const template = await packager.package(params.templatePath, params.template, []);
    return { template, nestedTemplates: packager.staged };
  } catch (error) {
    if (error instanceof PackagingRefusal) return { refusal: `${error.message} Nothing was deployed.` };
    throw error;
  }
}

class PackagingRefusal extends Error {}

/** A nested template once packaged: where it was uploaded, and whether it takes its code's location. */
interface UploadedTemplate {
  readonly url: string;
  /** It declares `CodeS3Key` without a Default (`takesCodeLocation`): its parent must pass one. */
  readonly takesCode: boolean;
}

class NestedTemplatePackager {
  /** Repository path → its packaged template's upload. */
  private readonly uploaded = new Map<string, UploadedTemplate>();
  /** URL of each nested template uploaded → its packaged text. */
  readonly staged = new Map<string, string>();
  /** `<build>\u0000<file>\u0000<path>` → what was uploaded from it, so each folder is built once per run. */
  private readonly code = new Map<string, { bucket: string; key: string }>();
  private bytes = 0;

  constructor(
    private readonly sources: NestedTemplateSources,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * `text` (the template at `path`, `ancestors` above it) with its local artifacts and its local
   * nested templates uploaded: each local artifact (`localArtifacts`) becomes its S3 location, each
   * nested template (packaged first) its S3 URL, and a nested template taking its code's location as
   * the blueprints do (`CodeS3Bucket`, `CodeS3Key` without a Default) that this template does not
   * pass gets its own folder built and both passed in the nested stack's `Parameters`.
   */
  async package(path: string, text: string, ancestors: readonly string[]): Promise<string> {
    const parsed = parseTemplate(text);
    // What does not parse names nothing to upload; CloudFormation says what is wrong with it.
    if (!parsed.ok) return text;
    const edits: ResourcePropertyEdit[] = [];
    for (const artifact of localArtifacts({ templatePath: path, template: parsed.template })) {
      const { packaging } = artifact;
      const named = `${artifact.logicalId} in ${codeSpan(path)} takes its ${packaging.noun} from ${codeSpan(artifact.location)}`;
      if (artifact.path === undefined)
        throw new PackagingRefusal(`${named}, which is outside the repository.`);
      const location = await this.codeOf({
        what: `${codeSpan(path)} has ${packaging.holds} in files of the repository (${codeSpan(artifact.location)})`,
        templatePath: path,
        path: artifact.path,
        build: false,
        file: packaging.file,
      });
      const edit = packagedPropertyEdit({
        logicalId: artifact.logicalId,
        template: parsed.template,
        dottedPath: artifact.property,
        value: uploadedLocationValue(packaging.form, location),
      });
      if (edit !== undefined) edits.push(edit);
    }
    const nested = localNestedTemplates({ templatePath: path, template: parsed.template });
    if (nested.length > 0) {
      const stage = this.sources.stage;
      if (stage === undefined)
        throw new PackagingRefusal(
          `${codeSpan(path)} takes nested stack templates from files of the repository (${nested.map((entry) => codeSpan(entry.location)).join(', ')}), which CloudFormation reads only from S3, and no deployments bucket is configured to upload them to: set \`mirrors.deployments_bucket\` in .github/implementation-agent.yml.`,
        );
      if (ancestors.length + 1 > MAX_NESTED_DEPTH)
        throw new PackagingRefusal(
          `Nested stacks reach ${codeSpan(path)} more than ${MAX_NESTED_DEPTH} levels deep: its nested templates are not packaged.`,
        );
      for (const entry of nested) {
        const child = await this.upload(entry, path, [...ancestors, path], stage);
        edits.push({ logicalId: entry.logicalId, property: entry.property, value: child.url });
        const passed = await this.codeParameters(entry, parsed.template, child);
        if (passed !== undefined)
          edits.push({ logicalId: entry.logicalId, property: 'Parameters', value: passed });
      }
    }
    const includes = await this.includeEdits(path, parsed.template);
    if (edits.length === 0 && includes.length === 0) return text;
    const rewritten =
      edits.length === 0 ? { ok: true as const, text } : rewriteResourceProperties(text, edits);
    if (!rewritten.ok) throw new PackagingRefusal(`${codeSpan(path)}: ${rewritten.message}.`);
    if (includes.length === 0) return rewritten.text;
    const included = rewriteValuesAt(rewritten.text, includes);
    if (!included.ok) throw new PackagingRefusal(`${codeSpan(path)}: ${included.message}.`);
    return included.text;
  }

  /**
   * Each `AWS::Include` transform naming a local file (`localIncludes`) uploaded as it is, and its
   * `Location` to become the upload's `s3://` URI, as `aws cloudformation package` writes it.
   */
  private async includeEdits(path: string, template: unknown): Promise<ValueEdit[]> {
    const edits: ValueEdit[] = [];
    for (const include of localIncludes({ templatePath: path, template })) {
      if (include.path === undefined)
        throw new PackagingRefusal(
          `An \`AWS::Include\` transform in ${codeSpan(path)} names ${codeSpan(include.location)}, which is outside the repository.`,
        );
      const location = await this.codeOf({
        what: `${codeSpan(path)} includes a template snippet from files of the repository (${codeSpan(include.location)})`,
        templatePath: path,
        path: include.path,
        build: false,
        file: 'as-is',
        // A folder is refused, not zipped: the AWS CLI takes only a file here.
        fileOnly: true,
      });
      edits.push({ at: include.at, value: uploadedLocationValue('uri', location) });
    }
    return edits;
  }

  /**
   * The nested stack's `Parameters` with its template's code location added, when the template
   * takes one and the stack passes no `CodeS3Key` (a `Parameters` computed as a whole is left to
   * CloudFormation): the nested template's folder is built as a generated service and uploaded.
   */
  private async codeParameters(
    entry: LocalNestedTemplate,
    parent: unknown,
    child: UploadedTemplate,
  ): Promise<Record<string, unknown> | undefined> {
    if (!child.takesCode || entry.path === undefined) return undefined;
    const resources = isPlainObject(parent) ? parent['Resources'] : undefined;
    const resource = isPlainObject(resources) ? resources[entry.logicalId] : undefined;
    const properties = isPlainObject(resource) ? resource['Properties'] : undefined;
    const given = isPlainObject(properties) ? properties['Parameters'] : undefined;
    if (given !== undefined && !isPlainObject(given)) return undefined;
    if (given !== undefined && (Object.hasOwn(given, CODE_KEY_PARAMETER) || isIntrinsic(given)))
      return undefined;
    const folder = entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : '.';
    const location = await this.codeOf({
      what: `${codeSpan(entry.path)} (nested as ${entry.logicalId}) takes its Lambda code from S3 (${CODE_BUCKET_PARAMETER}, ${CODE_KEY_PARAMETER})`,
      templatePath: entry.path,
      path: folder,
      build: true,
      file: 'zip',
    });
    return { ...given, [CODE_BUCKET_PARAMETER]: location.bucket, [CODE_KEY_PARAMETER]: location.key };
  }

  private async codeOf(request: CodeRequest): Promise<{ bucket: string; key: string }> {
    const memo = `${request.build}\u0000${request.file}\u0000${request.fileOnly === true}\u0000${request.path}`;
    const known = this.code.get(memo);
    if (known !== undefined) return known;
    const packageCode = this.sources.packageCode;
    if (packageCode === undefined)
      throw new PackagingRefusal(`${request.what}, and this run cannot package code.`);
    const uploaded = await packageCode(request);
    // The upload's refusal already says nothing was deployed.
    if ('refusal' in uploaded)
      throw new PackagingRefusal(uploaded.refusal.replace(/ Nothing was deployed\.$/, ''));
    this.code.set(memo, uploaded);
    return uploaded;
  }

  private async upload(
    entry: LocalNestedTemplate,
    parent: string,
    chain: readonly string[],
    stage: (template: string) => Promise<string>,
  ): Promise<UploadedTemplate> {
    const named = `${entry.logicalId} in ${codeSpan(parent)} names ${codeSpan(entry.location)}`;
    const path = entry.path;
    if (path === undefined) throw new PackagingRefusal(`${named}, which is outside the repository.`);
    if (chain.includes(path))
      throw new PackagingRefusal(
        `${named}, which includes ${codeSpan(parent)} again: nested stacks in a cycle.`,
      );
    const known = this.uploaded.get(path);
    if (known !== undefined) return known;
    const text = await this.sources.readFile(path).catch((error: unknown) => {
      throw new PackagingRefusal(`${named}, which could not be read: ${untrustedInline(errorText(error))}`);
    });
    if (text === undefined)
      throw new PackagingRefusal(`${named}, which is not a file at the deployed commit.`);
    const size = Buffer.byteLength(text, 'utf8');
    this.bytes += size;
    if (size > TEMPLATE_URL_LIMIT_BYTES)
      throw new PackagingRefusal(
        `${named}, which is ${size.toLocaleString('en-US')} bytes: over CloudFormation's 1 MB for a template read from S3.`,
      );
    if (this.bytes > MAX_NESTED_BYTES)
      throw new PackagingRefusal(
        `${named}: the nested templates pass ${MAX_NESTED_BYTES.toLocaleString('en-US')} bytes in all, more than is packaged.`,
      );
    const packaged = await this.package(path, text, chain);
    let url: string;
    try {
      url = await stage(packaged);
    } catch (error) {
      throw new PackagingRefusal(`${named}, and uploading it failed: ${untrustedInline(errorText(error))}`);
    }
    this.log(`Nested template ${path} uploaded to ${url}`);
    this.staged.set(url, packaged);
    const parsed = parseTemplate(packaged);
    const uploaded = { url, takesCode: parsed.ok && takesCodeLocation(parsed.template) };
    this.uploaded.set(path, uploaded);
    return uploaded;
  }
}

/** `Parameters` written as an intrinsic (`Fn::If`, a lone `Ref`): only known at deploy time. */
function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.some((key) => key.startsWith('Fn::')) || (keys.length === 1 && keys[0] === 'Ref');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
