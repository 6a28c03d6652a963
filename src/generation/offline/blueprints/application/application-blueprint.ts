import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { projectFiles } from '../../project/project-files.js';
import { readmeSection } from '../../project/readme-section.js';
import { releasePlanStep, releaseRiskNotes } from '../../project/release-notes.js';
import { storyRoutes, uniqueRoutes } from './api-routes.js';
import { applicationSource } from './application-source.js';
import { applicationTemplate } from './application-template.js';
import { applicationTests } from './application-tests.js';

/** An HTTP API whose routes follow the user stories, backed by Lambda and DynamoDB. */
export function applicationBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const routes = storyRoutes(input.stories, names);
  const distinct = uniqueRoutes(routes);
  const routeList = distinct.map((route) => `\`${route.routeKey}\``).join(', ');
  const readme = readmeSection({
    input,
    overview: `An HTTP API (API Gateway HTTP API → Lambda → DynamoDB) serving ${routeList} and \`GET /health\`. Request bodies are validated (flat JSON objects of scalar fields) before anything is stored; items live in one encrypted table keyed by collection and id.`,
    storyOutcomes: input.stories.map((_, index) => {
      const route = routes[index]?.route;
      return route === undefined
        ? 'covered by the tests'
        : `\`${route.routeKey}\`, checked by test \`${routes[index]?.intent.testTitle ?? ''}\``;
    }),
    hasFunctionCode: true,
  });
  const templatePath = `${baseDir}/template.yaml`;
  return {
    summary: `${names.title}: HTTP API with ${distinct.length} route${distinct.length === 1 ? '' : 's'} on Lambda and DynamoDB, tests for each user story, deployable template.`,
    plan: [
      `Create a DynamoDB table (on-demand, encrypted, point-in-time recovery, retained on delete).`,
      `Add a Lambda handler with request validation and routes ${routeList}.`,
      `Expose it through an API Gateway HTTP API with throttling and access logs.`,
      releasePlanStep(input),
      `Cover body validation and each user story with jest tests against an in-memory repository.`,
    ],
    files: [
      { path: templatePath, role: 'template', content: applicationTemplate(input, distinct) },
      ...applicationSource(baseDir, routes),
      ...applicationTests(baseDir, routes),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: ['src/handler.ts'],
        dependencies: { '@aws-sdk/client-dynamodb': '^3.600.0', '@aws-sdk/lib-dynamodb': '^3.600.0' },
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Public endpoint: the HTTP API routes have no authorizer; add a JWT or IAM authorizer before exposing real data.',
      'Creates an IAM role for the function, scoped to its own log group and GetItem/PutItem/DeleteItem/Query on its table.',
      'Data store: the DynamoDB table is retained when the stack is deleted or the table replaced; delete it by hand when no longer needed.',
      ...releaseRiskNotes(input),
    ],
  };
}
