'use strict';
// Authoring requests from a real JSON-RPC client: completion, and workspace/diagnostic over files nobody opened.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { Session, makeWorkspace, readFixture } = require('./session');

describe('completion and workspace diagnostics', () => {
  let session;
  let ws;
  let initResult;

  before(async () => {
    ws = makeWorkspace({
      'ledger-export.md': readFixture('templates/google-sre.md'),
      'autocomplete.md': readFixture('templates/atlassian-defects.md'),
      'draft.md': '---\nkind: postmortem\nseverity: \n---\n# Draft\n\n## Summary\nx\n\n## \n',
    });
    session = new Session();
    initResult = await session.initialize({ rootUri: ws.rootUri, pull: true });
    await session.waitForNotification((n) => n.method === '$/progress' && n.params.value.kind === 'end', 10000, 'start-up progress end');
  });

  after(() => {
    session?.kill();
    ws?.dispose();
  });

  it('advertises completion with its trigger characters', () => {
    assert.deepEqual(initResult.capabilities.completionProvider, { triggerCharacters: ['#', '@', '[', ':', '-'], resolveProvider: false });
  });

  it('completes severities and missing sections', async () => {
    const uri = ws.uris['draft.md'];
    await session.open(uri, '---\nkind: postmortem\nseverity: \n---\n# Draft\n\n## Summary\nx\n\n## \n', 1);
    const severities = await session.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 10 } });
    assert.deepEqual(severities.items.map((i) => i.label), ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
    assert.deepEqual(severities.items[0].textEdit, { range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } }, newText: 'SEV1' });

    const headings = await session.request('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 3 }, context: { triggerKind: 2, triggerCharacter: '#' } });
    assert.deepEqual(headings.items.slice(0, 6).map((i) => i.label), ['Impact', 'Timeline', 'Root cause', 'Detection', 'Response', 'Action items']);
  });

  it('links past incidents by title', async () => {
    const uri = ws.uris['draft.md'];
    await session.change(uri, 2, [{ range: { start: { line: 7, character: 1 }, end: { line: 7, character: 1 } }, text: ' like [ledger' }]);
    const links = await session.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 14 }, context: { triggerKind: 1 } });
    assert.equal(links.isIncomplete, true);
    assert.deepEqual(links.items.map((i) => i.textEdit.newText), ['[Ledger export stalled behind a retention job lock (incident #2291)](ledger-export.md)']);
  });

  it('reports unopened files in workspace/diagnostic and answers unchanged on a re-pull', async () => {
    const first = await session.request('workspace/diagnostic', { previousResultIds: [] });
    const byUri = Object.fromEntries(first.items.map((i) => [i.uri, i]));
    assert.deepEqual(byUri[ws.uris['ledger-export.md']].items, []);
    assert.deepEqual(byUri[ws.uris['autocomplete.md']].items.map((d) => [d.range.start.line, d.code]), [[21, 'LT001'], [51, 'LT004'], [83, 'LT006']]);
    assert.equal(byUri[ws.uris['draft.md']].version, 2);

    const again = await session.request('workspace/diagnostic', { previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId })) });
    assert.deepEqual(again.items.map((i) => i.kind), first.items.map(() => 'unchanged'));
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal((await session.shutdownAndExit()).code, 0);
  });
});
