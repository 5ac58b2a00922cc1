'use strict';
// Incident metrics as inlay hints, and a pasted Slack log appended to the timeline, through vscode-jsonrpc.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { InlayHintRequest } = require('vscode-languageserver-protocol');
const { Session, makeWorkspace } = require('./session');

const postmortem = [
  '---',
  'service: payment-svc',
  'created: 2026-06-02T16:00:00Z',
  'severity: SEV2',
  'kind: postmortem',
  '---',
  '# Checkout failing: pool exhausted',
  '',
  '## Raw incident context',
  '',
  'Alice Chen  2:07 PM',
  'PaymentSvcErrorRateHigh fired, looking',
  'Bob Lee  2:30 PM',
  'reconcile cron disabled by flag',
  '',
  '## Timeline',
  '',
  '- 14:05 UTC — first "too many clients" errors',
  '- 14:36 UTC — error rate back to normal',
  '',
].join('\n');

describe('timeline metrics and paste (vscode-jsonrpc)', () => {
  let session;
  let ws;
  let uri;
  let initResult;

  before(async () => {
    ws = makeWorkspace({ 'pool.md': postmortem });
    uri = ws.uris['pool.md'];
    session = new Session();
    initResult = await session.initialize({ rootUri: ws.rootUri });
    await session.open(uri, postmortem, 1);
  });

  after(() => {
    session?.kill();
    ws?.dispose();
  });

  it('advertises inlay hints and answers textDocument/inlayHint with onset and resolution', async () => {
    assert.equal(initResult.capabilities.inlayHintProvider, true);
    const hints = await session.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[17, '⏱ onset'], [18, '⏱ resolved · TTR 31m']]);
    assert.equal(hints[0].position.character, postmortem.split('\n')[17].length);
  });

  it('appends a Slack paste to the timeline in order, and the hints then show detection and mitigation', async () => {
    const actions = await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 10, character: 0 }, end: { line: 13, character: 31 } },
      context: { diagnostics: [] },
    });
    const append = actions.find((a) => a.title.startsWith('Append to Timeline'));
    assert.ok(append, JSON.stringify(actions.map((a) => a.title)));
    const change = append.edit.documentChanges[0];
    assert.equal(change.textDocument.version, 1);
    const doc = TextDocument.create(uri, 'markdown', 1, postmortem);
    const updated = TextDocument.applyEdits(doc, change.edits);
    assert.ok(updated.includes([
      '- 14:05 UTC — first "too many clients" errors',
      '- 14:07 UTC — Alice Chen: PaymentSvcErrorRateHigh fired, looking',
      '- 14:30 UTC — Bob Lee: reconcile cron disabled by flag',
      '- 14:36 UTC — error rate back to normal',
    ].join('\n')), updated);

    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: updated }],
    });
    const hints = await session.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => h.label), ['⏱ onset', '⏱ detected · TTD 2m', '⏱ mitigated · TTM 25m', '⏱ resolved · TTR 31m']);
  });
});
