// The extension's one front matter reader, following the server's rules (Core/Documents/FrontMatterReader.cs and
// DocumentClassifier.cs): a block between a first line `---` and the next `---` or `...`, `key: value` lines, and a
// `kind:` of incident, postmortem or post-mortem (any case) that makes a markdown file ours wherever it lives.
// No vscode import: the unit tests run it under plain node.

export type IncidentKind = 'incident' | 'postmortem';

export interface FrontMatter {
  /** Top-level `key: value` pairs (keys as written, quotes around values removed). */
  values: Map<string, string>;
  /** The text after the closing line (the whole text when there is no front matter). */
  body: string;
}

export function readFrontMatter(text: string): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/(?<=\n)/);
  const none = { values: new Map<string, string>(), body: text };
  if (lines.length < 2 || lines[0].trimEnd() !== '---') return none;
  const values = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const trimmed = lines[i].trimEnd();
    if (trimmed === '---' || trimmed === '...') return { values, body: lines.slice(i + 1).join('') };
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(trimmed);
    if (m) values.set(m[1], m[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  // No closing line: not front matter at all.
  return none;
}

/** The kind a document declares in its front matter, if any. */
export function declaredKind(text: string): IncidentKind | undefined {
  switch (readFrontMatter(text).values.get('kind')?.toLowerCase()) {
    case 'incident':
      return 'incident';
    case 'postmortem':
    case 'post-mortem':
      return 'postmortem';
    default:
      return undefined;
  }
}
