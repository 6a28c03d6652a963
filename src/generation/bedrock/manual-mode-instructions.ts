import { WRITE_FILES_TOOL_NAME } from './write-files-tool.js';

/**
 * What the model is asked for when the request's `execution_mode` is `manual` (DESIGN §4): the
 * same shape the offline provider makes (`generation/offline/manual`), so the gates and the human
 * get the same kind of pull request whichever provider wrote it. Our text, not the requester's: it
 * is chosen by the validated mode enum and goes outside the untrusted tags.
 */
export function manualModeInstructions(slug: string): string {
  return [
    'This request runs in MANUAL mode: a human writes the implementation, not you. Call',
    `${WRITE_FILES_TOOL_NAME} with exactly these, and no implementation:`,
    `1. docs/implementation/${slug}.md (role doc): the specification. The request; each user story`,
    '   with its acceptance criteria as a checklist; the resources, routes or resource model you',
    '   would build; the risks; what the specification does not cover.',
    `2. services/${slug}/test/acceptance.test.ts (role test): one describe per story and one`,
    '   it.todo per acceptance criterion, importing nothing, so `npm test` passes and lists them as todo.',
    `3. Scaffolding under services/${slug}/: package.json (jest, ts-jest, typescript), tsconfig.json,`,
    '   template.yaml (role template) with one placeholder resource of type',
    '   AWS::CloudFormation::WaitConditionHandle and nothing else, and src/handler.ts (role source)',
    '   whose handler answers statusCode 501 with a "not implemented" message.',
    'Report every requirement as not_covered, with the gap "to be implemented by hand (manual mode)".',
  ].join('\n');
}
