import type { ArtifactBundle, GeneratedFile } from '../bundle/artifact-bundle.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { scanJoinedTexts } from '../secrets/scan-joined-texts.js';
import type { SecretMatch } from '../secrets/scan-secrets.js';
import { MAX_ESCAPE_LEVELS } from '../secrets/find-decoded-escape-secrets.js';
import { findFileSecrets } from '../secrets/find-file-secrets.js';
import { MAX_NESTED_STACK_PAIRS, nestedStackSecrets } from '../secrets/nested-stack-secrets.js';
import { secretKindOfSlug } from '../secrets/secret-kind.js';
import type { GateFinding } from './gate-report.js';

const ADVICE =
  'a credential must never be committed: remove it and read it at runtime from AWS Secrets Manager or SSM Parameter Store';

/**
 * Every file of the bundle (a nested template also with the literals its parent passes it), and
 * every path, the summary, plan steps and risk notes (the PR body shows them), scanned with secretlint's recommended preset (DESIGN §5b). A finding names the file,
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
  fileFindings.push(...(await nestedStackFindings(bundle, shownPaths)));
  return [...fileFindings, ...textFindings];
}

/**
 * The secrets a nested template of the bundle holds only with the literals its parent passes it
 * (`nestedStackSecrets`), each on the nested template; more pairs than MAX_NESTED_STACK_PAIRS
 * refuse the bundle (fail closed: a pair past it was not read).
 */
async function nestedStackFindings(
  bundle: ArtifactBundle,
  shownPaths: ReadonlyMap<string, string>,
): Promise<GateFinding[]> {
  const nested = await nestedStackSecrets(bundle.files);
  const shown = (path: string): string => shownPaths.get(path) ?? path;
  const findings: GateFinding[] = nested.found.map(({ parentPath, childPath, logicalId, slug }) => ({
    gate: 'secrets',
    path: shown(childPath),
    message: `with the parameters ${shown(parentPath)} passes to its nested stack ${logicalId}: ${secretKindOfSlug(slug).title}; ${ADVICE}`,
  }));
  if (!nested.complete)
    findings.push({
      gate: 'secrets',
      message: `more than ${MAX_NESTED_STACK_PAIRS} nested stacks are passed literal parameters; the rest were not checked for secrets assembled across them: pass fewer literals, or split the change`,
    });
  return findings;
}

/**
 * One file's findings, by the detection the redactor uses (`findFileSecrets`): secrets as written
 * (joined quoted pieces included), and those that show only once its strings or escapes are
 * decoded (a token after `\n` in a literal) or read together (a `!Join` list of a PEM key's
 * lines); a file escaped too deeply to decode within the bound is refused (fail closed).
 */
async function checkFile(params: { file: GeneratedFile; shownPath: string }): Promise<GateFinding[]> {
  const { file, shownPath } = params;
  const found = await findFileSecrets(file);
  const findings: GateFinding[] = found.asWritten.map((match) => ({
    gate: 'secrets',
    path: shownPath,
    message: located(match),
  }));
  for (const match of found.decoded)
    findings.push({
      gate: 'secrets',
      path: shownPath,
      message: `line ${match.line}, column ${match.column}, once its escapes are decoded: ${described(match)}`,
    });
  if (!found.escapesDecoded)
    findings.push({
      gate: 'secrets',
      path: shownPath,
      message: `its escapes are nested more than ${MAX_ESCAPE_LEVELS} levels deep, so it was not checked for secrets: write the text with fewer levels of escaping`,
    });
  for (const { where, slug, match } of found.hidden) {
    // A key on the way to the value could be a secret too.
    const at = where === undefined ? undefined : await redactSecrets(where);
    const what = match === undefined ? `${secretKindOfSlug(slug).title}; ${ADVICE}` : described(match);
    findings.push({
      gate: 'secrets',
      path: shownPath,
      message:
        at === undefined
          ? `once its strings are read together (a joined list, a name/value record): ${what}`
          : `at ${at}, once its escapes are decoded: ${what}`,
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
