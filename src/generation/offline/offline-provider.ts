import type { TaskType } from '../../core/request/execution-request.js';
import { NO_USAGE } from '../model-provider.js';
import type { ModelProvider } from '../model-provider.js';
import type { Blueprint } from './blueprint-input.js';
import { blueprintInputFrom } from './blueprint-input-from.js';
import { applicationBlueprint } from './blueprints/application/application-blueprint.js';
import { deploymentBlueprint } from './blueprints/deployment/deployment-blueprint.js';
import { infrastructureBlueprint } from './blueprints/infrastructure/infrastructure-blueprint.js';
import { manualBundle } from './manual/manual-bundle.js';
import { MAX_SENTENCES, unreadSentences } from './naming/description-sentences.js';
import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import { servicesDeclared, servicesUsed, withForeignServices } from './coverage/foreign-services.js';
import { withTemplateValues } from './coverage/template-values.js';
import { integrationBlueprint } from './blueprints/integration/integration-blueprint.js';
import { testingBlueprint } from './blueprints/testing/testing-blueprint.js';

const BLUEPRINTS: Readonly<Record<TaskType, Blueprint>> = {
  infrastructure: infrastructureBlueprint,
  application: applicationBlueprint,
  integration: integrationBlueprint,
  testing: testingBlueprint,
  deployment: deploymentBlueprint,
};

/**
 * The embedded default provider: one deterministic blueprint per task type, no model, no cost.
 * In manual mode the blueprint's bundle becomes a specification, pending acceptance tests and
 * scaffolding, without the implementation (`manualBundle`). A repair request gets the same answer, since the blueprints are expected to pass the gates as they are.
 */
export function createOfflineProvider(): ModelProvider {
  return {
    name: 'offline',
    generate: async ({ request }) => {
      const input = blueprintInputFrom(request);
      const made = BLUEPRINTS[input.taskType](input);
      const full = withUnreadSentences(
        // The foundation reads the services a text names with the text's context (other-resources.ts).
        input.taskType === 'infrastructure'
          ? withTemplateValueGaps(made)
          : withForeignServiceGaps(withTemplateValueGaps(made)),
        unreadSentences(request.execution_request.description ?? ''),
      );
      const manual = request.execution_request.execution_mode === 'manual';
      return {
        bundle: manual ? manualBundle({ input, full }) : full,
        usage: NO_USAGE,
        model: `offline:${input.taskType}${manual ? ':manual' : ''}`,
      };
    },
  };
}

/** A bundle whose coverage drops each value gap its template contradicts (`30 days` beside a retention of 30). */
function withTemplateValueGaps(bundle: ArtifactBundle): ArtifactBundle {
  if (bundle.coverage === undefined) return bundle;
  const templates = bundle.files.filter((file) => file.role === 'template').map((file) => file.content);
  return { ...bundle, coverage: withTemplateValues(bundle.coverage, templates) };
}

/** A bundle whose coverage says which AWS services its request names that its templates neither declare nor call. */
function withForeignServiceGaps(bundle: ArtifactBundle): ArtifactBundle {
  if (bundle.coverage === undefined) return bundle;
  const templates = bundle.files.filter((file) => file.role === 'template').map((file) => file.content);
  return {
    ...bundle,
    coverage: withForeignServices(bundle.coverage, servicesUsed(templates), servicesDeclared(templates)),
  };
}

/**
 * A bundle whose coverage also says the description's sentences past MAX_SENTENCES were not read:
 * one not-covered row naming them, never a silent drop.
 */
function withUnreadSentences(bundle: ArtifactBundle, unread: number): ArtifactBundle {
  if (unread === 0 || bundle.coverage === undefined) return bundle;
  const first = MAX_SENTENCES + 1;
  const last = MAX_SENTENCES + unread;
  const which = unread === 1 ? `sentence ${first}` : `sentences ${first} to ${last}`;
  return {
    ...bundle,
    coverage: [
      ...bundle.coverage,
      {
        source: { kind: 'description', sentence: first },
        text: `${which} of the description`,
        status: 'not_covered',
        tests: [],
        resources: [],
        gaps: [
          `${which} of the description were not read: at most ${MAX_SENTENCES} sentences are read; split the request or ask again with fewer sentences`,
        ],
      },
    ],
  };
}
