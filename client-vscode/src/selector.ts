import * as vscode from 'vscode';
import { declaredKind } from './frontMatter';

export interface FileGlobs {
  incident: string[];
  postmortem: string[];
}

/**
 * The `lspTriage.files.*` globs the server also reads. Their defaults live in package.json (VS Code fills them in);
 * a value that is not a list of strings falls back to that default, as the server does.
 */
export function fileGlobs(): FileGlobs {
  const cfg = vscode.workspace.getConfiguration('lspTriage.files');
  const read = (key: string): string[] => {
    const v = cfg.get<unknown>(key);
    const valid = Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
    return valid ? (v as string[]) : ((cfg.inspect<string[]>(key)?.defaultValue ?? []) as string[]);
  };
  return { incident: read('incidentGlobs'), postmortem: read('postmortemGlobs') };
}

/** Whether the extension's incident commands apply to a document: matched by a glob, or declared by front matter. */
export function isIncidentDocument(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown') return false;
  const g = fileGlobs();
  const byPath = vscode.languages.match([...g.incident, ...g.postmortem].map((pattern) => ({ language: 'markdown', pattern })), document) > 0;
  return byPath || declaredKind(document.getText()) !== undefined;
}
