import { parseTemplate } from '../../core/cfn/parse-template.js';
import { rewriteNestedLocations } from '../../core/cfn/rewrite-nested-locations.js';
import { localNestedTemplates, type LocalNestedTemplate } from '../../core/deploy/local-nested-templates.js';
import { TEMPLATE_URL_LIMIT_BYTES } from '../../core/gates/check-template.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { MAX_NESTED_BYTES, MAX_NESTED_DEPTH } from '../../core/risk/nested-stack-risks.js';

export type PackagedTemplate = { readonly template: string } | { readonly refusal: string };

/** What packaging a template needs from outside: the repository's files and the bucket. */
export interface NestedTemplateSources {
  /** A repository file at the deployed sha (`/`-separated path); undefined when there is none. */
  readFile(path: string): Promise<string | undefined>;
  /**
   * Uploads a nested template by content hash and returns the URL CloudFormation reads it from
   * (`DeploymentStore.stageNestedTemplate`); absent without a deployments bucket.
   */
  stage: ((template: string) => Promise<string>) | undefined;
}

/**
 * The template to deploy, with every nested stack whose template is a file of the repository
 * (`localNestedTemplates`: `TemplateURL` of `AWS::CloudFormation::Stack`, `Location` of
 * `AWS::Serverless::Application`) pointed at that file uploaded to the deployments bucket by
 * content hash, as `aws cloudformation package` does: CloudFormation reads a nested template only
 * from S3. Nested templates are packaged first (depth first, each file once), so each upload is the
 * template as it will run. Bounded as the risk classifier bounds what it judges (`nestedStacks`):
 * at most `MAX_NESTED_DEPTH` levels and `MAX_NESTED_BYTES` in all, each at most CloudFormation's
 * 1 MB for a template read from S3 (`TEMPLATE_URL_LIMIT_BYTES`), no cycle. A template with no local
 * nested stack is returned as it is. Refused, with nothing deployed: a local template without a
 * bucket to take it (naming `mirrors.deployments_bucket`), a path leaving the repository or naming
 * no file, a bound passed, an upload that failed, a location that cannot be rewritten in place.
 */
export async function packageNestedTemplates(params: {
  template: string;
  templatePath: string;
  sources: NestedTemplateSources;
  log: (line: string) => void;
}): Promise<PackagedTemplate> {
  const packager = new NestedTemplatePackager(params.sources, params.log);
  try {
    return { template: await packager.package(params.templatePath, params.template, []) };
  } catch (error) {
    if (error instanceof PackagingRefusal) return { refusal: `${error.message} Nothing was deployed.` };
    throw error;
  }
}

class PackagingRefusal extends Error {}

class NestedTemplatePackager {
  /** Repository path → the URL its packaged template was uploaded to. */
  private readonly uploaded = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly sources: NestedTemplateSources,
    private readonly log: (line: string) => void,
  ) {}

  /** `text` (the template at `path`, `ancestors` above it) with its local nested templates uploaded. */
  async package(path: string, text: string, ancestors: readonly string[]): Promise<string> {
    const parsed = parseTemplate(text);
    // What does not parse names nothing to upload; CloudFormation says what is wrong with it.
    if (!parsed.ok) return text;
    const nested = localNestedTemplates({ templatePath: path, template: parsed.template });
    if (nested.length === 0) return text;
    const stage = this.sources.stage;
    if (stage === undefined)
      throw new PackagingRefusal(
        `${codeSpan(path)} takes nested stack templates from files of the repository (${nested.map((entry) => codeSpan(entry.location)).join(', ')}), which CloudFormation reads only from S3, and no deployments bucket is configured to upload them to: set \`mirrors.deployments_bucket\` in .github/implementation-agent.yml.`,
      );
    if (ancestors.length + 1 > MAX_NESTED_DEPTH)
      throw new PackagingRefusal(
        `Nested stacks reach ${codeSpan(path)} more than ${MAX_NESTED_DEPTH} levels deep: its nested templates are not packaged.`,
      );
    const rewrites = [];
    for (const entry of nested) {
      const url = await this.urlOf(entry, path, [...ancestors, path], stage);
      rewrites.push({ logicalId: entry.logicalId, property: entry.property, url });
    }
    const rewritten = rewriteNestedLocations(text, rewrites);
    if (!rewritten.ok) throw new PackagingRefusal(`${codeSpan(path)}: ${rewritten.message}.`);
    return rewritten.text;
  }

  private async urlOf(
    entry: LocalNestedTemplate,
    parent: string,
    chain: readonly string[],
    stage: (template: string) => Promise<string>,
  ): Promise<string> {
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
    this.uploaded.set(path, url);
    return url;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
