'use strict';
// A scripted LSP client built on npm vscode-jsonrpc (the library VS Code's own client uses), driving the real
// `lsptriage serve` process over stdio. It answers what the server asks of an editor and records what it is told.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rpc = require('vscode-jsonrpc/node');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const serverPath = process.env.LSPTRIAGE_SERVER
  ? path.resolve(process.env.LSPTRIAGE_SERVER)
  : path.join(repoRoot, 'server', 'LspTriage', 'bin', 'Debug', 'net10.0', 'lsptriage');
const fixtures = path.join(repoRoot, 'tests', 'fixtures');

/** Client capabilities shaped like VS Code 1.9x's, minus pull diagnostics unless asked for. */
function vscodeLikeCapabilities({ pull = false } = {}) {
  const textDocument = {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: {
      relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true, dataSupport: true,
    },
    codeAction: {
      dynamicRegistration: true, isPreferredSupport: true, disabledSupport: true, dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] },
      },
      honorsChangeAnnotations: false,
    },
    documentSymbol: {
      dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, labelSupport: true,
      symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) }, tagSupport: { valueSet: [1] },
    },
    foldingRange: {
      dynamicRegistration: true, rangeLimit: 5000, lineFoldingOnly: true,
      foldingRangeKind: { valueSet: ['comment', 'imports', 'region'] }, foldingRange: { collapsedText: false },
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    codeLens: { dynamicRegistration: true },
  };
  if (pull) {
    textDocument.diagnostic = { dynamicRegistration: true, relatedDocumentSupport: false };
  }
  return {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional', normalizesLineEndings: true },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      symbol: { dynamicRegistration: true, symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) } },
      executeCommand: { dynamicRegistration: true },
      configuration: true,
      workspaceFolders: true,
      diagnostics: pull ? { refreshSupport: true } : undefined,
    },
    textDocument,
    window: { showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true }, workDoneProgress: true },
    general: {
      staleRequestSupport: { cancel: true, retryOnContentModified: [] },
      regularExpressions: { engine: 'ECMAScript', version: 'ES2020' },
      markdown: { parser: 'marked', version: '1.1.0' },
      positionEncodings: ['utf-16'],
    },
  };
}

/** A temporary workspace whose files sit under postmortems/, so the server's default globs claim them. */
function makeWorkspace(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lsptriage-client-'));
  const dir = path.join(root, 'postmortems');
  fs.mkdirSync(dir);
  const uris = {};
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    uris[name] = pathToFileURL(file).href;
  }
  return { root, rootUri: pathToFileURL(root).href, uris, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

function readFixture(name) {
  return fs.readFileSync(path.join(fixtures, name), 'utf8');
}

class Session {
  constructor({ settings = {} } = {}) {
    if (!fs.existsSync(serverPath)) {
      throw new Error(`server not found at ${serverPath}: build it (dotnet build server/LspTriage) or set LSPTRIAGE_SERVER`);
    }
    this.settings = settings;
    this.child = spawn(serverPath, ['serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (d) => { this.stderr += d; });
    // Every message the server writes, decoded independently of vscode-jsonrpc, so tests can see replies the
    // library drops (responses to raw frames it did not send).
    this.rawMessages = [];
    let pending = Buffer.alloc(0);
    this.child.stdout.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const headerEnd = pending.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const match = /Content-Length: *(\d+)/i.exec(pending.subarray(0, headerEnd).toString('ascii'));
        if (!match) return;
        const length = Number(match[1]);
        if (pending.length < headerEnd + 4 + length) return;
        const body = pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
        pending = pending.subarray(headerEnd + 4 + length);
        try { this.rawMessages.push(JSON.parse(body)); } catch { this.rawMessages.push({ unparsable: body }); }
      }
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.loggedErrors = [];
    const logger = {
      error: (m) => this.loggedErrors.push(m), warn: () => {}, info: () => {}, log: () => {},
    };
    this.connection = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin), logger);
    this.serverRequests = [];
    this.notifications = [];
    this.waiters = [];
    this.connection.onRequest('workspace/configuration', (p) => {
      this.serverRequests.push({ method: 'workspace/configuration', params: p });
      return p.items.map((item) => (item.section === 'lspTriage' ? this.settings : null));
    });
    this.connection.onRequest('client/registerCapability', (p) => {
      this.serverRequests.push({ method: 'client/registerCapability', params: p });
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', (p) => {
      this.serverRequests.push({ method: 'window/workDoneProgress/create', params: p });
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.serverRequests.push({ method: 'workspace/diagnostic/refresh' });
      return null;
    });
    this.connection.onRequest((method, params) => {
      this.serverRequests.push({ method, params, unexpected: true });
      return new rpc.ResponseError(rpc.ErrorCodes.MethodNotFound, `test client does not handle ${method}`);
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.waiters = this.waiters.filter((w) => !w.check());
    });
    this.progress = [];
    this.connection.onUnhandledProgress((p) => {
      this.progress.push(p);
      this.notifications.push({ method: '$/progress', params: p });
      this.waiters = this.waiters.filter((w) => !w.check());
    });
    this.connection.onError(() => {});
    this.connection.onClose(() => {});
    this.connection.listen();
  }

  async initialize({ rootUri, pull = false, initializationOptions } = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'lsptriage-vscode-jsonrpc-test', version: '1.0.0' },
      locale: 'en',
      rootPath: rootUri ? new URL(rootUri).pathname : null,
      rootUri: rootUri ?? null,
      capabilities: vscodeLikeCapabilities({ pull }),
      initializationOptions,
      trace: 'off',
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri, version, contentChanges) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Sends a request; rejects when the server process ends first (a crash must fail the test, not hang it). */
  request(method, params) {
    const reply = params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params);
    const died = this.exited.then(({ code, signal }) => {
      throw new Error(`server exited (code ${code}, signal ${signal}) before answering ${method}`);
    });
    return Promise.race([reply, died]);
  }

  /** Resolves with the first recorded notification (past or future) that matches, or rejects after timeoutMs. */
  waitForNotification(predicate, timeoutMs = 10000, description = 'notification') {
    const found = this.notifications.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}; got: ${this.notifications.map((n) => n.method).join(', ')}`));
      }, timeoutMs);
      const waiter = {
        check: () => {
          const n = this.notifications.find(predicate);
          if (!n) return false;
          clearTimeout(timer);
          resolve(n);
          return true;
        },
      };
      this.waiters.push(waiter);
    });
  }

  diagnosticsFor(uri, version, timeoutMs) {
    return this.waitForNotification(
      (n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version,
      timeoutMs, `publishDiagnostics for ${path.basename(uri)} version ${version}`).then((n) => n.params);
  }

  /** Writes raw bytes to the server's stdin, between messages (nothing else may be in flight). */
  writeRaw(bytes) {
    return new Promise((resolve, reject) => this.child.stdin.write(bytes, (err) => (err ? reject(err) : resolve())));
  }

  async shutdownAndExit() {
    await this.request('shutdown');
    await this.connection.sendNotification('exit');
    return this.waitExit();
  }

  /** The process's exit, or a kill and a rejection when it lingers. */
  async waitExit(timeoutMs = 5000) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`server did not exit within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
      this.connection.dispose();
    }
  }

  /** For test clean-up: ends the process whatever state it is in. */
  kill() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}

module.exports = { Session, makeWorkspace, readFixture, serverPath, vscodeLikeCapabilities };
