'use strict';
// A VS Code-like client without the pull-diagnostic capability: the server must push diagnostics, versioned.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { Session, makeWorkspace } = require('./session');
const { problemsDocument, problemsDiagnostics, problemsOutline, diffDiagnostics, outlineShape, range } = require('./expected');

// After the incremental change below: both Summary placeholders filled, a [TODO] inserted after the emoji.
const afterChange = problemsDiagnostics
  .filter(([line, , , , code]) => !(code === 'LT001' && (line === 9 || line === 10)))
  .concat([[10, 6, 12, 2, 'LT001', 'Unfilled placeholder [TODO] in "Summary"']]);

describe('push diagnostics, outline, incremental sync and quick fixes (VS Code-like client)', () => {
  let session;
  let ws;
  let uri;
  let client; // the client's own copy of the buffer, kept by vscode-languageserver-textdocument
  let initResult;

  before(async () => {
    ws = makeWorkspace({ 'search-indexer.md': problemsDocument(), 'other.md': '# Cache stampede on product pages\n\n## Summary\nDone.\n' });
    uri = ws.uris['search-indexer.md'];
    session = new Session();
    initResult = await session.initialize({ rootUri: ws.rootUri });
  });

  after(() => {
    session?.kill();
    ws?.dispose();
  });

  it('advertises incremental sync, code actions, outline and folding, and no pull diagnostics', () => {
    const caps = initResult.capabilities;
    assert.equal(initResult.serverInfo.name, 'lsptriage');
    assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(caps.textDocumentSync.openClose, true);
    assert.equal(caps.diagnosticProvider, undefined, 'a client without textDocument.diagnostic must get pushes only');
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('quickfix'));
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
  });

  it('asks for its settings, registers file watching and reports start-up progress', async () => {
    // Two pieces of start-up work report progress (the workspace scan and the similar-incidents index): wait for both.
    const ended = () => session.progress.filter((p) => p.value.kind === 'end').length >= 2;
    for (let waited = 0; !ended() && waited < 10000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const methods = session.serverRequests.map((r) => r.method);
    assert.ok(methods.includes('workspace/configuration'), methods.join());
    const config = session.serverRequests.find((r) => r.method === 'workspace/configuration');
    assert.deepEqual(config.params.items.map((i) => i.section), ['lspTriage']);
    const registration = session.serverRequests.find((r) => r.method === 'client/registerCapability');
    assert.ok(registration, 'client/registerCapability');
    assert.equal(registration.params.registrations[0].method, 'workspace/didChangeWatchedFiles');
    const creates = session.serverRequests.filter((r) => r.method === 'window/workDoneProgress/create');
    assert.equal(creates.length, 2);
    for (const create of creates) {
      const kinds = session.progress.filter((p) => p.token === create.params.token).map((p) => p.value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds.at(-1), 'end');
    }
    assert.deepEqual(session.serverRequests.filter((r) => r.unexpected), []);
  });

  it('lists the workspace incidents by title in workspace/symbol', async () => {
    const symbols = await session.request('workspace/symbol', { query: '' });
    const names = symbols.map((s) => s.name).sort();
    assert.deepEqual(names, ['Cache stampede on product pages', 'Search indexer backlog']);
  });

  it('publishes the exact diagnostics, in UTF-16 columns, with the document version', async () => {
    client = TextDocument.create(uri, 'markdown', 1, problemsDocument());
    await session.open(uri, client.getText(), 1);
    const published = await session.diagnosticsFor(uri, 1);
    assert.deepEqual(diffDiagnostics(published.diagnostics, problemsDiagnostics), []);
    for (const d of published.diagnostics) assert.equal(d.source, 'lsptriage');
  });

  it('returns the hierarchical outline with timeline entries and action items', async () => {
    const symbols = await session.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(outlineShape(symbols), problemsOutline);
    const root = symbols[0];
    assert.deepEqual(root.selectionRange, range(6, 2, 6, 24));
    assert.equal(root.children.find((c) => c.name === 'Root cause').detail, 'RootCause');
    assert.equal(root.children.find((c) => c.name === 'Action items').children[2].detail, 'Search team');
  });

  it('folds sections', async () => {
    const folds = await session.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(Array.isArray(folds) && folds.length > 0);
    const starts = folds.map((f) => f.startLine);
    for (const line of [8, 12, 24]) assert.ok(starts.includes(line), `a fold starting at the heading on line ${line}: ${JSON.stringify(folds)}`);
  });

  it('applies an incremental change after astral characters and republishes for the new version', async () => {
    // Three edits in one didChange, applied in order: insert "[TODO] " right after the emoji (UTF-16 column 6),
    // replace the [FILL IN] that has moved to column 27, and fill the Summary's first placeholder.
    const changes = [
      { range: range(10, 6, 10, 6), text: '[TODO] ' },
      { range: range(10, 27, 10, 36), text: 'indexing paused' },
      { range: range(9, 0, 9, 9), text: 'Search indexing stalled for 40 minutes.' },
    ];
    TextDocument.update(client, changes, 2);
    assert.equal(client.getText().split('\n')[10], '支付 😀 [TODO] checkout 🚀 — indexing paused');
    await session.change(uri, 2, changes);
    const published = await session.diagnosticsFor(uri, 2);
    assert.deepEqual(diffDiagnostics(published.diagnostics, afterChange), []);
  });

  it('offers a versioned quick fix whose edit applies cleanly', async () => {
    const diagnostic = (await session.diagnosticsFor(uri, 2)).diagnostics.find((d) => d.code === 'LT006' && d.range.start.line === 25);
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
    const fix = actions.find((a) => a.title === 'Add an owner placeholder (— [FILL IN])');
    assert.ok(fix, `owner quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.edit.documentChanges.length, 1);
    const change = fix.edit.documentChanges[0];
    assert.deepEqual(change.textDocument, { uri, version: 2 }, 'pinned to the version the client has');
    assert.deepEqual(change.edits, [{ range: range(25, 34, 25, 34), newText: ' — [FILL IN]' }]);

    // Apply it as an editor would: to the buffer, then tell the server what changed.
    assert.equal(change.textDocument.version, client.version);
    const before = client.getText();
    const after = TextDocument.applyEdits(client, change.edits);
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    assert.equal(afterLines[25], '- Add backpressure to the consumer — [FILL IN]');
    assert.deepEqual(afterLines.filter((_, i) => i !== 25), beforeLines.filter((_, i) => i !== 25), 'nothing else touched');
    TextDocument.update(client, change.edits.map((e) => ({ range: e.range, text: e.newText })), 3);
    await session.change(uri, 3, change.edits.map((e) => ({ range: e.range, text: e.newText })));

    // The owner finding is gone, the placeholder it inserted is flagged, the priority finding covers the longer item.
    const expected = afterChange
      .filter(([line]) => line !== 25)
      .concat([[25, 37, 46, 2, 'LT001', 'Unfilled placeholder [FILL IN] in "Action items"'], [25, 2, 46, 2, 'LT007', 'Action item has no priority']]);
    const published = await session.diagnosticsFor(uri, 3);
    assert.deepEqual(diffDiagnostics(published.diagnostics, expected), []);
  });

  it('clears diagnostics on close', async () => {
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await session.waitForNotification(
      (n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.length === 0, 5000, 'cleared diagnostics');
    assert.ok(cleared);
  });

  it('shuts down and exits with code 0', async () => {
    const { code } = await session.shutdownAndExit();
    assert.equal(code, 0);
    assert.deepEqual(session.loggedErrors, []);
  });
});
