import { codeLiteral } from '../naming/code-literal.js';

/** The generated template test of the log groups' retention: every one keeps logs for the parameter, whose default it checks. */
export function logRetentionTitle(days: number): string {
  return `the template keeps every log group for LogRetentionDays days and defaults it to ${days}`;
}

/**
 * The generated template test of log retention (`Keep Lambda logs for 30 days.`), shared by every
 * blueprint whose template has log groups (the test file must import `readFileSync` and `join`): every
 * `AWS::Logs::LogGroup` of the template keeps its logs for the `LogRetentionDays` parameter, and
 * the parameter's default is `days`, so a group without retention (kept for ever) or another
 * default fails it.
 */
export function logRetentionTest(days: number): string {
  return `
  it(${codeLiteral(logRetentionTitle(days))}, () => {
    const template = readFileSync(join(__dirname, '..', 'template.yaml'), 'utf8');
    const groups = [...template.matchAll(/^ {2}\\w+:\\n((?: {4}.*\\n)+)/gm)]
      .map((match) => match[1] ?? '')
      .filter((block) => /^ {4}Type: AWS::Logs::LogGroup$/m.test(block));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group).toMatch(/^ {6}RetentionInDays: !Ref LogRetentionDays$/m);
    const parameter = /^ {2}LogRetentionDays:\\n((?: {4}.*\\n)+)/m.exec(template)?.[1] ?? '';
    expect(parameter).toMatch(/^ {4}Default: ${days}$/m);
  });
`;
}
