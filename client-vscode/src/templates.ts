// Client-side file templates: they only create new files with the standard headings; the server does the rest.
import * as path from 'path';
import * as vscode from 'vscode';
import { fileGlobs, isIncidentDocument } from './selector';
import { incidentTemplate, postmortemTemplate, readIncidentHeader, slugify } from './templateText';

async function uniqueUri(dir: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const candidate = vscode.Uri.joinPath(dir, i === 1 ? `${base}.md` : `${base}-${i}.md`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

async function createAndOpen(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(Math.max(0, doc.lineCount - 1)).range.end;
  editor.selection = new vscode.Selection(end, end);
}

function firstFolder(): vscode.WorkspaceFolder | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) void vscode.window.showWarningMessage('LspTriage: open a folder first.');
  return folder;
}

export async function newIncident(): Promise<void> {
  const folder = firstFolder();
  if (!folder) return;
  const title = await vscode.window.showInputBox({
    title: 'LspTriage: New incident',
    prompt: 'Incident title',
    placeHolder: 'Payment service connection pool exhaustion after batch job deploy',
    validateInput: (v) => (v.trim() ? undefined : 'A title is needed'),
  });
  if (!title) return;
  const service = await vscode.window.showInputBox({ title: 'LspTriage: New incident', prompt: 'Affected service (optional)', placeHolder: 'payment-svc' });
  if (service === undefined) return;
  const now = new Date();
  const uri = await uniqueUri(vscode.Uri.joinPath(folder.uri, 'incidents'), `${now.toISOString().slice(0, 10)}-${slugify(title)}`);
  await createAndOpen(uri, incidentTemplate(title.trim(), service.trim(), now));
}

export async function newPostmortemFromIncident(arg?: vscode.Uri): Promise<void> {
  const folder = firstFolder();
  if (!folder) return;
  let source = arg instanceof vscode.Uri ? arg : undefined;
  const active = vscode.window.activeTextEditor?.document;
  if (!source && active && isIncidentDocument(active) && !isPostmortemPath(active.uri)) {
    source = active.uri;
  }
  if (!source) {
    const files = (
      await Promise.all(fileGlobs().incident.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**', 500)))
    ).flat();
    if (files.length === 0) {
      void vscode.window.showWarningMessage('LspTriage: no incident files found in this workspace.');
      return;
    }
    const pick = await vscode.window.showQuickPick(
      files.map((f) => ({ label: path.basename(f.fsPath), description: vscode.workspace.asRelativePath(f), uri: f })),
      { title: 'LspTriage: New postmortem from incident', placeHolder: 'Incident to write the postmortem for' },
    );
    if (!pick) return;
    source = pick.uri;
  }
  const text = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('utf8');
  const header = readIncidentHeader(text);
  const targetDir = vscode.Uri.joinPath(folder.uri, 'postmortems');
  const base = path.basename(source.fsPath).replace(/(\.incident)?\.md$/i, '');
  const relativePath = path.relative(targetDir.fsPath, source.fsPath).split(path.sep).join('/');
  const uri = await uniqueUri(targetDir, base);
  await createAndOpen(uri, postmortemTemplate({ ...header, relativePath }, new Date()));
}

function isPostmortemPath(uri: vscode.Uri): boolean {
  return vscode.languages.match(
    fileGlobs().postmortem.map((pattern) => ({ pattern })),
    { uri, languageId: 'markdown' } as vscode.TextDocument,
  ) > 0;
}
