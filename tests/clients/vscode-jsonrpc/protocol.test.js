'use strict';
// The lifecycle rules and bad input, as a real client sees them.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { Session, makeWorkspace, readFixture } = require('./session');
const { diffDiagnostics, problemsDocument, problemsDiagnostics } = require('./expected');

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = (body) => {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
};

/** Runs body with a fresh server, always ending it. */
async function withSession(body, options) {
  const session = new Session(options);
  try {
    await body(session);
  } finally {
    session.kill();
  }
}

async function rejectsWithCode(promise, code) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.code, code, `error code for: ${err.message}`);
    return true;
  });
}

describe('lifecycle', () => {
  it('rejects requests before initialize with -32002 and ignores notifications, then initializes', () =>
    withSession(async (session) => {
      const ws = makeWorkspace({ 'zh.md': readFixture('incident-zh.md') });
      try {
        const uri = ws.uris['zh.md'];
        await rejectsWithCode(session.request('textDocument/documentSymbol', { textDocument: { uri } }), -32002);
        await rejectsWithCode(session.request('workspace/symbol', { query: '' }), -32002);
        await session.open(uri, readFixture('incident-zh.md')); // dropped: not initialized
        const init = await session.initialize({ rootUri: ws.rootUri });
        assert.equal(init.serverInfo.name, 'lsptriage');
        assert.deepEqual(await session.request('textDocument/documentSymbol', { textDocument: { uri } }), [], 'the early didOpen was ignored');
        await rejectsWithCode(session.request('initialize', { processId: null, rootUri: null, capabilities: {} }), -32600);
        assert.equal((await session.shutdownAndExit()).code, 0);
      } finally {
        ws.dispose();
      }
    }));

  it('rejects requests after shutdown with -32600 and exits 0 on exit', () =>
    withSession(async (session) => {
      await session.initialize({});
      assert.equal(await session.request('shutdown'), null);
      await rejectsWithCode(session.request('workspace/symbol', { query: '' }), -32600);
      await session.connection.sendNotification('exit');
      assert.equal((await session.waitExit()).code, 0);
    }));

  it('exits with code 1 on exit without shutdown', () =>
    withSession(async (session) => {
      await session.initialize({});
      await session.connection.sendNotification('exit');
      assert.equal((await session.waitExit()).code, 1);
    }));
});

describe('bad input', () => {
  // JSON-RPC 2.0: -32700 for bytes that are not JSON, -32600 for JSON that is not a request; id null when it cannot be read.
  it('answers a malformed frame with -32700 or -32600 (id null) and keeps serving', () =>
    withSession(async (session) => {
      await session.initialize({});
      for (const [body, code] of [['{not json}', -32700], ['[1,2]', -32600], ['{"jsonrpc":"2.0","id":{"nested":1},"method":"workspace/symbol"}', -32600]]) {
        const seen = session.rawMessages.length;
        await session.writeRaw(frame(body));
        // The reply to the raw frame arrives before the reply to this request: the server answers in order.
        assert.deepEqual(await session.request('workspace/symbol', { query: '' }), [], `still serving after ${body}`);
        const errors = session.rawMessages.slice(seen).filter((m) => m.error);
        assert.equal(errors.length, 1, `one error reply to ${body}: ${JSON.stringify(session.rawMessages.slice(seen))}`);
        assert.equal(errors[0].id, null);
        assert.equal(errors[0].error.code, code);
      }
      // vscode-jsonrpc itself reported each id-less error through its logger.
      assert.equal(session.loggedErrors.filter((e) => e.includes('-32700') || e.includes('-32600')).length, 3);
      assert.equal((await session.shutdownAndExit()).code, 0);
    }));

  it('answers an unknown method with -32601', () =>
    withSession(async (session) => {
      await session.initialize({});
      await rejectsWithCode(session.request('lsptriage/noSuchMethod', {}), -32601);
      assert.equal((await session.shutdownAndExit()).code, 0);
    }));

  // Each of these used to end the server process (exit code 1, connection closed); fixed on main.
  const fatal = [
    ['a request whose method is a number', '{"jsonrpc":"2.0","id":900,"method":42}', 900],
    ['a request whose params is a string', '{"jsonrpc":"2.0","id":901,"method":"workspace/symbol","params":"x"}', 901],
    ['a response to a request the server never sent', '{"jsonrpc":"2.0","id":902,"result":{}}', null],
    // What a JSON-RPC peer sends when it cannot parse one of our messages (our own server does the same).
    ['an error response with id null', '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}', null],
  ];
  for (const [what, body, requestId] of fatal) {
    it(`survives ${what}`, () =>
      withSession(async (session) => {
        await session.initialize({});
        const seen = session.rawMessages.length;
        await session.writeRaw(frame(body));
        assert.deepEqual(await session.request('workspace/symbol', { query: '' }), [], 'still serving');
        if (requestId !== null) {
          const errors = session.rawMessages.slice(seen).filter((m) => m.error);
          assert.equal(errors.length, 1, 'one error reply');
          assert.ok([-32700, -32600, -32602].includes(errors[0].error.code), JSON.stringify(errors[0]));
        }
        assert.equal((await session.shutdownAndExit()).code, 0);
      }));
  }

  // JSON-RPC 2.0: the id is null only "if there was an error in detecting the id". Here it can be read, and a
  // client waiting on it never gets an answer when the reply says null.
  for (const [what, body, requestId, code] of [
    ['a request whose method is a number', '{"jsonrpc":"2.0","id":910,"method":42}', 910, -32600],
    ['a request whose params is a string', '{"jsonrpc":"2.0","id":911,"method":"workspace/symbol","params":"x"}', 911, -32602],
  ]) {
    it(`answers ${what} with an error carrying its id`, () =>
      withSession(async (session) => {
        await session.initialize({});
        const seen = session.rawMessages.length;
        await session.writeRaw(frame(body));
        await session.request('workspace/symbol', { query: '' });
        const reply = session.rawMessages.slice(seen).find((m) => m.error);
        assert.equal(reply?.id, requestId);
        assert.equal(reply?.error?.code, code);
      }));
  }
});

describe('documents', () => {
  it('checks a Chinese postmortem, with CJK text framed by byte length', () =>
    withSession(async (session) => {
      const ws = makeWorkspace({ 'zh.md': readFixture('incident-zh.md') });
      try {
        await session.initialize({ rootUri: ws.rootUri });
        const uri = ws.uris['zh.md'];
        await session.open(uri, readFixture('incident-zh.md'), 3);
        const published = await session.diagnosticsFor(uri, 3);
        assert.deepEqual(diffDiagnostics(published.diagnostics, [
          [5, 2, 17, 1, 'LT002', 'missing the "Response" section'],
          [11, 0, 5, 2, 'LT001', 'Unfilled placeholder [待填写] in "影响"'],
        ]), []);
        const symbols = await session.request('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols[0].name, '订单服务 Redis 缓存雪崩');
        assert.deepEqual(symbols[0].children.map((c) => c.name), ['摘要', '影响', '时间线', '根因', '检测', '后续行动']);
        assert.deepEqual(symbols[0].children[2].children.map((c) => c.name), ['02:10 告警触发', '02:25 开始预热缓存']);
        assert.equal((await session.shutdownAndExit()).code, 0);
      } finally {
        ws.dispose();
      }
    }));

  it('gives a CRLF document the same diagnostics and quick-fix positions as its LF twin', () =>
    withSession(async (session) => {
      const crlf = problemsDocument().replace(/\n/g, '\r\n');
      const ws = makeWorkspace({ 'crlf.md': crlf });
      try {
        await session.initialize({ rootUri: ws.rootUri });
        const uri = ws.uris['crlf.md'];
        await session.open(uri, crlf, 1);
        const published = await session.diagnosticsFor(uri, 1);
        assert.deepEqual(diffDiagnostics(published.diagnostics, problemsDiagnostics), []);
        const diagnostic = published.diagnostics.find((d) => d.code === 'LT006' && d.range.start.line === 25);
        const actions = await session.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        const owner = actions.find((a) => a.title.startsWith('Add an owner'));
        assert.deepEqual(owner.edit.documentChanges[0].edits[0].range, { start: { line: 25, character: 34 }, end: { line: 25, character: 34 } }, 'before the \\r, not after it');
        assert.equal((await session.shutdownAndExit()).code, 0);
      } finally {
        ws.dispose();
      }
    }));

  it('stays silent on markdown that is not an incident or postmortem', () =>
    withSession(async (session) => {
      const ws = makeWorkspace({});
      try {
        await session.initialize({ rootUri: ws.rootUri });
        // Outside incidents/ and postmortems/, no *.incident.md name, no front matter kind.
        const uri = new URL('notes/README.md', `${ws.rootUri}/`).href;
        await session.open(uri, '# Notes\n\n## Summary\n[FILL IN]\n');
        await delay(500);
        const published = session.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
        assert.ok(published.every((n) => n.params.diagnostics.length === 0), JSON.stringify(published));
        assert.deepEqual(await session.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
        assert.deepEqual(await session.request('textDocument/foldingRange', { textDocument: { uri } }), []);
        assert.equal((await session.shutdownAndExit()).code, 0);
      } finally {
        ws.dispose();
      }
    }));
});
