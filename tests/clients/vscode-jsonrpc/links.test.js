'use strict';
// Past incidents listed in an inserted "Similar past incidents" block open through textDocument/documentLink,
// for editors without a markdown link provider; the user's own links are left to the markdown server.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { DocumentLinkRequest } = require('vscode-languageserver-protocol');
const { Session, makeWorkspace } = require('./session');

const past = '---\nkind: postmortem\n---\n# Payments: pool exhausted by the reconciliation job\n\n## Summary\nx\n';
const current = [
  '---',
  'kind: incident',
  '---',
  '# Checkout failing: pool exhausted',
  '',
  'See [the runbook](runbook.md).',
  '',
  '<!-- lsptriage:begin similar store=embedded threshold=0.3 top=2 hash=0000000000000000 -->',
  '## Similar past incidents',
  '',
  '- 57% [Payments: pool exhausted by the reconciliation job](past%20one.md) — payment-svc',
  '- 31% [A shared record from another machine](../elsewhere/gone.md)',
  '<!-- lsptriage:end -->',
  '',
].join('\n');

describe('document links (vscode-jsonrpc)', () => {
  let session;
  let ws;
  let initResult;

  before(async () => {
    ws = makeWorkspace({ 'past one.md': past, 'runbook.md': '# Runbook\n', 'current.md': current });
    session = new Session();
    initResult = await session.initialize({ rootUri: ws.rootUri });
    await session.open(ws.uris['current.md'], current, 1);
  });

  after(() => {
    session?.kill();
    ws?.dispose();
  });

  it('links each past incident of the block that exists on disk, on its title', async () => {
    assert.equal(initResult.capabilities.documentLinkProvider.resolveProvider, false);
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: ws.uris['current.md'] } });
    assert.equal(links.length, 1);
    assert.equal(links[0].target, ws.uris['past one.md']);
    const line = current.split('\n')[links[0].range.start.line];
    assert.equal(line.slice(links[0].range.start.character, links[0].range.end.character), 'Payments: pool exhausted by the reconciliation job');
  });
});
