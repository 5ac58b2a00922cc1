// The extension is a thin client: it starts `lsptriage serve`, forwards settings and the API key, and turns
// a few commands into `workspace/executeCommand` requests. Everything about incidents lives in the server.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  Message,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { resolveServer } from './serverLocation';
import { COPY_AS_ISSUE_COMMAND, issueClipboard } from './copyAsIssue';
import { DOCUMENT_SELECTOR } from './documentSelector';
import { isIncidentDocument } from './selector';
import { StatusItem } from './status';
import { newIncident, newPostmortemFromIncident } from './templates';
import { showSimilarResult } from './similar';
import { RestartPolicy } from './restartPolicy';

const API_KEY_SECRET = 'lspTriage.llmApiKey';
const CLIENT_ID = 'lspTriage';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: StatusItem;
let activatedAt = 0;
let firstDiagnosticsLogged = false;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  activatedAt = Date.now();
  output = vscode.window.createOutputChannel('LspTriage', { log: true });
  status = new StatusItem();
  context.subscriptions.push(output, status);
  output.info(`LspTriage ${context.extension.packageJSON.version} activating`);
  console.log(`[lsptriage] activated at ${new Date(activatedAt).toISOString()}`);

  // Timing for the e2e test and for users who wonder: activation -> first diagnostics from our server.
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(() => {
      if (firstDiagnosticsLogged) return;
      const ours = vscode.languages.getDiagnostics().some(([, ds]) => ds.some((d) => d.source === 'lsptriage'));
      if (ours) {
        firstDiagnosticsLogged = true;
        const ms = Date.now() - activatedAt;
        output.info(`first diagnostics ${ms} ms after activation`);
        console.log(`[lsptriage] first diagnostics ${ms} ms after activation`);
      }
    }),
  );

  const register = (id: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('lspTriage.restartServer', () => restart(context, 'restart requested'));
  register('lspTriage.showServerLog', () => output.show(true));
  register('lspTriage.analyzeIncident', (uri?: vscode.Uri) => runServerCommand('lspTriage.analyze', 'Analyzing incident', uri));
  register('lspTriage.findSimilarIncidents', async (uri?: vscode.Uri) => {
    const result = await runServerCommand('lspTriage.findSimilar', 'Finding similar incidents', uri);
    if (result !== undefined) await showSimilarResult(result);
  });
  register('lspTriage.reindexHistory', () => runServerCommand('lspTriage.reindex', 'Reindexing incident history'));
  register('lspTriage.newIncident', () => newIncident());
  register('lspTriage.newPostmortemFromIncident', (uri?: vscode.Uri) => newPostmortemFromIncident(uri));
  register('lspTriage.setApiKey', () => setApiKey(context));

  context.subscriptions.push(
    context.secrets.onDidChange((e) => {
      if (e.key === API_KEY_SECRET) void restart(context, 'LLM API key changed');
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration('lspTriage.files') ||
        e.affectsConfiguration('lspTriage.server.path')
      ) {
        void restart(context, 'file globs or server path changed');
      } else if (e.affectsConfiguration('lspTriage.analysis')) {
        status.setProvider(providerLabel());
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
    // A front matter `kind:` typed into a new file makes it ours: the editor buttons follow.
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d === vscode.window.activeTextEditor?.document) updateContextKey(vscode.window.activeTextEditor);
    }),
  );
  updateContextKey(vscode.window.activeTextEditor);
  status.setProvider(providerLabel());
  await start(context);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const server = resolveServer(context);
  if (!server) {
    status.setState('error', 'no server');
    const msg =
      'LspTriage: no server found. This extension carries none for this platform, `lspTriage.server.path` is empty and `lsptriage` is not on PATH.';
    output.error(msg);
    void vscode.window.showErrorMessage(msg, 'Open settings').then((pick) => {
      if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'lspTriage.server.path');
    });
    return;
  }
  output.info(`server: ${server.command} (${server.origin})`);

  const apiKey = await context.secrets.get(API_KEY_SECRET);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (apiKey) env.LSPTRIAGE_LLM_API_KEY = apiKey;

  const serverOptions: ServerOptions = {
    command: server.command,
    args: ['serve'],
    transport: TransportKind.stdio,
    options: { env },
  };

  const policy = new RestartPolicy(5, 3 * 60_000);
  const clientOptions: LanguageClientOptions = {
    // Every markdown document: the server decides which are ours (a file can be one by its front matter alone).
    documentSelector: [...DOCUMENT_SELECTOR],
    // No fileEvents here: the server registers its own watcher for **/*.md, and two would deliver every event twice.
    synchronize: { configurationSection: 'lspTriage' },
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // The settings travel with initialize too, so the server has them before its first workspace/configuration.
    initializationOptions: {
      client: 'vscode',
      extensionVersion: context.extension.packageJSON.version,
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('lspTriage'))),
    },
    middleware: {
      // A code lens or code action that runs the server's findSimilar command gets its result listed too;
      // "Copy as issue" gets its result copied.
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === 'lspTriage.findSimilar') await showSimilarResult(result);
        // The server returns the issue; only the client can put it on the clipboard.
        if (command === COPY_AS_ISSUE_COMMAND) {
          const copy = issueClipboard(result);
          if (copy) {
            await vscode.env.clipboard.writeText(copy.text);
            void vscode.window.showInformationMessage(copy.message);
          }
        }
        return result;
      },
    },
    errorHandler: {
      error: (_error: Error, _message: Message | undefined, count: number | undefined) => ({
        action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
      }),
      closed: () => {
        if (policy.allowRestart(Date.now())) {
          output.warn('server exited unexpectedly; restarting');
          status.setState('starting', 'restarting after crash');
          return { action: CloseAction.Restart };
        }
        const msg = `LspTriage server crashed ${policy.limit} times in ${policy.windowMs / 60_000} minutes; not restarting. See the log.`;
        output.error(msg);
        status.setState('error', 'crashed');
        void vscode.window.showErrorMessage(msg, 'Show log', 'Restart').then((pick) => {
          if (pick === 'Show log') output.show(true);
          if (pick === 'Restart') void vscode.commands.executeCommand('lspTriage.restartServer');
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };

  const c = new LanguageClient(CLIENT_ID, 'LspTriage', serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) status.setState('running');
    else if (e.newState === State.Starting) status.setState('starting');
    else if (client === c) status.setState('stopped');
  });
  status.setState('starting');
  try {
    await c.start();
    output.info(`server running (${Date.now() - activatedAt} ms after activation)`);
  } catch (e) {
    status.setState('error', 'failed to start');
    output.error(`server failed to start: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(`LspTriage server failed to start: ${e instanceof Error ? e.message : String(e)}`, 'Show log').then(
      (pick) => pick && output.show(true),
    );
  }
}

async function restart(context: vscode.ExtensionContext, reason: string): Promise<void> {
  output.info(`restarting server: ${reason}`);
  const old = client;
  client = undefined;
  if (old) await old.stop().catch((e) => output.warn(`stop failed: ${String(e)}`));
  await start(context);
}

async function runServerCommand(command: string, title: string, uri?: vscode.Uri): Promise<unknown> {
  const c = client;
  if (!c || !c.isRunning()) {
    void vscode.window.showWarningMessage('LspTriage server is not running. Try "LspTriage: Restart server".');
    return undefined;
  }
  const args: unknown[] = [];
  if (command !== 'lspTriage.reindex') {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showWarningMessage('Open an incident file first.');
      return undefined;
    }
    args.push(c.code2ProtocolConverter.asUri(target));
  }
  // The server reports its own cancellable $/progress; this only shows a spinner in the status bar.
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `LspTriage: ${title}` }, async () => {
    try {
      return await c.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      output.error(`${command} failed: ${msg}`);
      void vscode.window.showErrorMessage(`LspTriage: ${title} failed: ${msg}`);
      return undefined;
    }
  });
}

async function setApiKey(context: vscode.ExtensionContext): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: 'LspTriage: LLM API key',
    prompt: 'Kept in VS Code secret storage and handed to the server in LSPTRIAGE_LLM_API_KEY. Leave empty to remove it.',
    password: true,
    ignoreFocusOut: true,
  });
  if (value === undefined) return;
  if (value.trim() === '') {
    await context.secrets.delete(API_KEY_SECRET);
    void vscode.window.showInformationMessage('LspTriage: API key removed; the server restarts.');
  } else {
    await context.secrets.store(API_KEY_SECRET, value.trim());
    void vscode.window.showInformationMessage('LspTriage: API key saved; the server restarts.');
  }
  // secrets.onDidChange restarts the server.
}

function providerLabel(): string {
  const cfg = vscode.workspace.getConfiguration('lspTriage.analysis');
  const provider = cfg.get<string>('provider', 'offline');
  if (provider !== 'openai') return 'offline';
  const model = cfg.get<string>('model', '') || 'default model';
  return `openai: ${model}`;
}

function updateContextKey(editor: vscode.TextEditor | undefined): void {
  const ours = !!editor && isIncidentDocument(editor.document);
  void vscode.commands.executeCommand('setContext', 'lspTriage.isIncidentFile', ours);
}
