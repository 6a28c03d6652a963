import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import { findEscapedSecrets } from '../../core/gates/find-escaped-secrets.js';
import { redactFindings } from '../../core/gates/redact-findings.js';
import { redactJsonStrings } from '../../core/secrets/redact-json-strings.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import type { GenerationInput } from '../model-provider.js';

/**
 * What the model may see of a generation input: the request, the previous attempt and the findings
 * with every secret redacted (DESIGN §5: secrets never enter prompts). A credential a requester
 * pasted into an issue, or one the model wrote last time, is replaced by a marker naming its kind.
 */
export async function redactGenerationInput(input: GenerationInput): Promise<GenerationInput> {
  const request = await redactJsonStrings(input.request);
  if (input.repair === undefined) return { ...input, request };
  const { previous, findings } = input.repair;
  return {
    ...input,
    request,
    repair: {
      ...input.repair,
      previous: await redactBundle(previous),
      findings: await redactFindings(findings),
    },
  };
}

async function redactBundle(bundle: ArtifactBundle): Promise<ArtifactBundle> {
  const files = [];
  for (const file of bundle.files) {
    // File-type rules need the original path, so the content is scanned before the path is redacted.
    const content = await redactSecrets(file.content, file.path);
    const escaped = await findEscapedSecrets({ file: { ...file, content }, rawMatches: [] });
    // A secret split by JSON or YAML escapes cannot be cut out of the text: the file goes as a whole.
    const shown =
      escaped.length === 0 ? content : escaped.map(({ match }) => `[REDACTED:${match.kind.slug}]`).join('\n');
    files.push({ ...file, path: await redactSecrets(file.path), content: shown });
  }
  const texts = await redactJsonStrings({
    summary: bundle.summary,
    plan: bundle.plan,
    riskNotes: bundle.riskNotes,
  });
  const templatePath =
    bundle.templatePath === undefined ? {} : { templatePath: await redactSecrets(bundle.templatePath) };
  return { ...bundle, ...texts, ...templatePath, files };
}
