// Which documents the language client sends to the server: every markdown file, on disk, remote or unsaved. The
// server alone decides what is an incident or a postmortem (by path glob, or by front matter `kind:` wherever the
// file lives) and stays silent on everything else, so the rule lives in one place. No vscode import (unit-tested).

export interface DocumentFilter {
  language: string;
  scheme: string;
  pattern?: string;
}

export const DOCUMENT_SELECTOR: readonly DocumentFilter[] = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'vscode-remote' },
  { language: 'markdown', scheme: 'untitled' },
];
