// "Copy as issue": the server cannot write the clipboard, so its `lspTriage.copyAsIssue` command returns the issue
// (title, body, markdown, `gh issue create` line) and the extension copies it. This module only reads that result;
// it imports nothing from vscode so the unit tests can run it.

export const COPY_AS_ISSUE_COMMAND = 'lspTriage.copyAsIssue';

export interface CopiedIssue {
  title: string;
  body: string;
  command?: string;
  markdown?: string;
}

/** What goes to the clipboard and the message shown after, or undefined when the result is not an issue. */
export function issueClipboard(result: unknown): { text: string; message: string } | undefined {
  if (result === null || typeof result !== 'object') return undefined;
  const issue = result as Partial<CopiedIssue>;
  if (typeof issue.title !== 'string' || typeof issue.body !== 'string') return undefined;
  const text = typeof issue.markdown === 'string' ? issue.markdown : `## ${issue.title}\n\n${issue.body}\n`;
  return { text, message: `LspTriage: copied "${issue.title}" as an issue (markdown).` };
}
