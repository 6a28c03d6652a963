import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import type { DeploymentStrategy, TaskType } from '../../core/request/execution-request.js';
import type { DescriptionSentence } from './naming/description-sentences.js';
import type { ServiceNames } from './naming/service-names.js';
import type { StoryIntent } from './naming/story-intent.js';

/** The request, reduced to derived, safe pieces; blueprints never see raw request text. */
export interface BlueprintInput {
  readonly taskType: TaskType;
  readonly names: ServiceNames;
  readonly stories: readonly StoryIntent[];
  /** A valid environment name (`[A-Za-z0-9][A-Za-z0-9_-]*`). */
  readonly environment: string;
  readonly strategy?: DeploymentStrategy;
  /** The request's description, safe for prose only. */
  readonly description?: string;
  /** The description split into sentences and clauses: what blueprints check requirements against. */
  readonly descriptionSentences: readonly DescriptionSentence[];
  /** Folder every generated file lives under, e.g. `services/orders-api`. */
  readonly baseDir: string;
}

export type Blueprint = (input: BlueprintInput) => ArtifactBundle;
