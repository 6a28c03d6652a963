import type { ArtifactBundle, GeneratedFile } from '../bundle/artifact-bundle.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { scanJoinedTexts } from '../secrets/scan-joined-texts.js';
import { scanSecrets, type SecretMatch } from '../secrets/scan-secrets.js';
import { findEscapedSecrets } from './find-escaped-secrets.js';
import type { GateFinding } from './gate-report.js';

const ADVICE =
  'a credential must never be committed: remove it and read it at runtime from AWS Secrets Manager or SSM Parameter Store';

/**
 * Every file of the bundle, and every path, the summary, plan steps and risk notes (the PR body
 * shows them), scanned with secretlint's recommended preset (DESIGN §5b). A finding names the file,
 * the line and column and the kind of secret, never the value; a path holding one is shown redacted.
 */
export async function checkSecrets(bundle: ArtifactBundle): Promise<GateFinding[]> {
  const texts: { where: string; path?: string; text: string }[] = [
    ...bundle.files.map((file) => ({ where: 'the file path', path: file.path, text: file.path })),
    { where: 'the summary', text: bundle.summary },
    ...bundle.plan.map((step, index) => ({ where: `plan step ${index + 1}`, text: step })),
    ...bundle.riskNotes.map((note, index) => ({ where: `risk note ${index + 1}`, text: note })),
  ];
  const textFindings: GateFinding[] = [];
  // A path is shown redacted in every finding about its file once it holds a secret.
  const shownPaths = new Map<string, string>();
  for (const { index, match } of await scanJoinedTexts(texts.map(({ text }) => text))) {
    const owner = texts[index];
    if (owner === undefined) continue;
    const finding = { gate: 'secrets', message: `${owner.where}, ${located(match)}` } as const;
    if (owner.path === undefined) {
      textFindings.push(finding);
      continue;
    }
    const shown = shownPaths.get(owner.path) ?? (await redactSecrets(owner.path));
    shownPaths.set(owner.path, shown);
    textFindings.push({ ...finding, path: shown });
  }
  const fileFindings: GateFinding[] = [];
  for (const file of bundle.files) {
    fileFindings.push(...(await checkFile({ file, shownPath: shownPaths.get(file.path) ?? file.path })));
  }
  return [...fileFindings, ...textFindings];
}

async function checkFile(params: { file: GeneratedFile; shownPath: string }): Promise<GateFinding[]> {
  const { file, shownPath } = params;
  const rawMatches = await scanSecrets({ text: file.content, path: file.path });
  const escaped = await findEscapedSecrets({ file, rawMatches });
  const findings: GateFinding[] = rawMatches.map((match) => ({
    gate: 'secrets',
    path: shownPath,
    message: located(match),
  }));
  for (const { where, match } of escaped) {
    // A key on the way to the value could be a secret too.
    const at = await redactSecrets(where);
    findings.push({
      gate: 'secrets',
      path: shownPath,
      message: `at ${at}, once its escapes are decoded: ${described(match)}`,
    });
  }
  return findings;
}

function located(match: SecretMatch): string {
  return `line ${match.line}, column ${match.column}: ${described(match)}`;
}

function described(match: SecretMatch): string {
  const rule = match.ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
  return `${match.kind.title} (secretlint rule "${rule}"); ${ADVICE}`;
}
