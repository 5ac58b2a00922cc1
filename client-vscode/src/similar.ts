import * as vscode from 'vscode';

interface SimilarItem {
  uri?: string;
  title?: string;
  similarity?: number;
  service?: string;
  date?: string;
  severity?: string;
  rootCause?: string;
}

/**
 * Shows the result of the server's `lspTriage.findSimilar` command. The server decides what is similar; this
 * only lists what it returned (an array, or an object with `items`/`results`) and opens the picked file.
 */
export async function showSimilarResult(result: unknown): Promise<void> {
  if (result === null || result === undefined) return;
  if (typeof result === 'string') {
    void vscode.window.showInformationMessage(result);
    return;
  }
  const obj = result as Record<string, unknown>;
  const raw = Array.isArray(result) ? result : Array.isArray(obj.items) ? obj.items : Array.isArray(obj.results) ? obj.results : undefined;
  if (!raw) return;
  const items = (raw as Record<string, unknown>[]).map(normalize);
  if (items.length === 0) {
    void vscode.window.showInformationMessage('LspTriage: no similar past incidents above the threshold.');
    return;
  }
  const pick = await vscode.window.showQuickPick(
    items.map((i) => ({
      label: `${i.similarity !== undefined ? `${Math.round(i.similarity * 100)}%  ` : ''}${i.title ?? i.uri ?? '?'}`,
      description: [i.service, i.date, i.severity].filter(Boolean).join(' · '),
      detail: i.rootCause,
      item: i,
    })),
    { title: 'LspTriage: Similar past incidents', matchOnDescription: true, matchOnDetail: true },
  );
  if (pick?.item.uri) await vscode.window.showTextDocument(vscode.Uri.parse(pick.item.uri));
}

function normalize(r: Record<string, unknown>): SimilarItem {
  const str = (...keys: string[]) => {
    for (const k of keys) if (typeof r[k] === 'string') return r[k] as string;
    return undefined;
  };
  let similarity = typeof r.similarity === 'number' ? r.similarity : typeof r.score === 'number' ? r.score : undefined;
  if (similarity !== undefined && similarity > 1) similarity /= 100;
  const location = r.location as { uri?: string } | undefined;
  return {
    uri: str('uri', 'path') ?? location?.uri,
    title: str('title', 'label', 'name'),
    similarity,
    service: str('service'),
    date: str('date', 'created'),
    severity: str('severity'),
    rootCause: str('rootCause', 'summary'),
  };
}
