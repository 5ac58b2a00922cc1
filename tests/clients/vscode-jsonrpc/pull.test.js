'use strict';
// A client that declares textDocument.diagnostic pulls; the server must then answer textDocument/diagnostic and push
// nothing, or an editor that does both (VS Code) shows every problem twice.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { Session, makeWorkspace } = require('./session');
const { problemsDocument, problemsDiagnostics, diffDiagnostics, range } = require('./expected');

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pull diagnostics (client with textDocument.diagnostic)', () => {
  let session;
  let ws;
  let uri;
  let initResult;
  let firstId;

  before(async () => {
    ws = makeWorkspace({ 'search-indexer.md': problemsDocument() });
    uri = ws.uris['search-indexer.md'];
    session = new Session();
    initResult = await session.initialize({ rootUri: ws.rootUri, pull: true });
    // Settings arrive through workspace/configuration after `initialized` and change the result ids (the server asks
    // for a refresh then); start pulling once start-up is over so the ids below are stable.
    await session.waitForNotification((n) => n.method === '$/progress' && n.params.value.kind === 'end', 10000, 'start-up progress end');
  });

  after(() => {
    session?.kill();
    ws?.dispose();
  });

  it('advertises a diagnostic provider', () => {
    assert.deepEqual(initResult.capabilities.diagnosticProvider, { identifier: 'lsptriage', interFileDependencies: false, workspaceDiagnostics: true });
  });

  it('answers textDocument/diagnostic with the exact full report', async () => {
    await session.open(uri, problemsDocument(), 1);
    const report = await session.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(report.resultId);
    firstId = report.resultId;
    assert.deepEqual(diffDiagnostics(report.items, problemsDiagnostics), []);
  });

  it('answers "unchanged" for the same result id', async () => {
    const report = await session.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: firstId });
    assert.deepEqual(report, { kind: 'unchanged', resultId: firstId });
  });

  it('reports the new findings after an incremental change', async () => {
    await session.change(uri, 2, [{ range: range(10, 20, 10, 29), text: 'paused' }]);
    const report = await session.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: firstId });
    assert.equal(report.kind, 'full');
    assert.notEqual(report.resultId, firstId);
    const expected = problemsDiagnostics.filter(([line, , , , code]) => !(code === 'LT001' && line === 10));
    assert.deepEqual(diffDiagnostics(report.items, expected), []);
  });

  it('never pushes diagnostics', async () => {
    await delay(500); // more than the 150 ms push debounce
    assert.deepEqual(session.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics'), []);
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal((await session.shutdownAndExit()).code, 0);
  });
});

describe('initializationOptions.diagnosticMode "push" overrides the pull capability', () => {
  it('pushes instead', async () => {
    const ws = makeWorkspace({ 'search-indexer.md': problemsDocument() });
    const session = new Session();
    try {
      const init = await session.initialize({ rootUri: ws.rootUri, pull: true, initializationOptions: { diagnosticMode: 'push' } });
      assert.equal(init.capabilities.diagnosticProvider, undefined);
      const uri = ws.uris['search-indexer.md'];
      await session.open(uri, problemsDocument(), 7);
      const published = await session.diagnosticsFor(uri, 7);
      assert.deepEqual(diffDiagnostics(published.diagnostics, problemsDiagnostics), []);
      assert.equal((await session.shutdownAndExit()).code, 0);
    } finally {
      session.kill();
      ws.dispose();
    }
  });
});
