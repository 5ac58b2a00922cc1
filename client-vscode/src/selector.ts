import * as vscode from 'vscode';

export interface FileGlobs {
  incident: string[];
  postmortem: string[];
}

export const DEFAULT_INCIDENT_GLOBS = ['**/incidents/**/*.md', '**/*.incident.md'];
export const DEFAULT_POSTMORTEM_GLOBS = ['**/postmortems/**/*.md', '**/*.postmortem.md'];

/** The same settings the server reads to recognise incident and postmortem files. */
export function fileGlobs(): FileGlobs {
  const cfg = vscode.workspace.getConfiguration('lspTriage.files');
  const clean = (v: unknown, fallback: string[]) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length > 0 ? (v as string[]) : fallback;
  return {
    incident: clean(cfg.get('incidentGlobs'), DEFAULT_INCIDENT_GLOBS),
    postmortem: clean(cfg.get('postmortemGlobs'), DEFAULT_POSTMORTEM_GLOBS),
  };
}

/** Markdown files on disk (or unsaved copies of them) that match one of the globs. */
export function documentSelector(): { language: string; scheme: string; pattern: string }[] {
  const g = fileGlobs();
  return [...g.incident, ...g.postmortem].flatMap((pattern) => [
    { language: 'markdown', scheme: 'file', pattern },
    { language: 'markdown', scheme: 'vscode-remote', pattern },
  ]);
}
