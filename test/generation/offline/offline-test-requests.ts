import { parseDocument } from 'yaml';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { cloudFormationTags } from '../../../src/core/cfn/cloudformation-tags.js';
import type {
  DeploymentStrategy,
  RequestPayload,
  TaskType,
} from '../../../src/core/request/execution-request.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import type { GenerationResult } from '../../../src/generation/model-provider.js';

export interface RequestShape {
  readonly taskType: TaskType;
  readonly taskName: string;
  readonly stories?: readonly string[];
  readonly strategy?: DeploymentStrategy;
  readonly environment?: string;
  readonly description?: string;
}

export function requestFor(shape: RequestShape): RequestPayload {
  return {
    execution_request: {
      task_type: shape.taskType,
      task_name: shape.taskName,
      execution_mode: 'guided',
      target_environment: shape.environment ?? 'staging',
      ...(shape.strategy === undefined ? {} : { deployment_strategy: shape.strategy }),
      ...(shape.description === undefined ? {} : { description: shape.description }),
    },
    ...(shape.stories === undefined ? {} : { support_artifacts: { user_stories: [...shape.stories] } }),
  };
}

export async function generate(shape: RequestShape): Promise<GenerationResult> {
  return createOfflineProvider().generate({
    request: requestFor(shape),
    context: { owner: 'acme', repo: 'shop' },
  });
}

export function templateText(bundle: ArtifactBundle): string {
  const file = bundle.files.find((candidate) => candidate.path === bundle.templatePath);
  if (file === undefined) throw new Error(`bundle has no template at ${String(bundle.templatePath)}`);
  return file.content;
}

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly UpdatePolicy?: Record<string, unknown>;
}

export interface ParsedTemplate {
  readonly Parameters?: Record<string, Record<string, unknown>>;
  readonly Resources: Record<string, TemplateResource>;
  readonly Outputs?: Record<string, unknown>;
}

/** Parses the bundle's template with the yaml package and CloudFormation's short-form tags; any error or warning fails. */
export function parseBundleTemplate(bundle: ArtifactBundle): ParsedTemplate {
  const document = parseDocument(templateText(bundle), { customTags: [...cloudFormationTags] });
  const problems = [...document.errors, ...document.warnings].map((problem) => problem.message);
  if (problems.length > 0) throw new Error(`template does not parse: ${problems.join('; ')}`);
  return document.toJS() as ParsedTemplate;
}

export function resourcesOfType(template: ParsedTemplate, type: string): [string, TemplateResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export function fileContent(bundle: ArtifactBundle, suffix: string): string {
  const file = bundle.files.find((candidate) => candidate.path.endsWith(suffix));
  if (file === undefined) throw new Error(`bundle has no file ending ${suffix}`);
  return file.content;
}
