import * as vscode from 'vscode';

export type ServerState = 'starting' | 'running' | 'stopped' | 'error';

/** Status-bar item: server state and the active analysis provider/model; click shows the log. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lspTriage.status', vscode.StatusBarAlignment.Right, 100);
  private state: ServerState = 'starting';
  private detail = '';
  private provider = 'offline';

  constructor() {
    this.item.name = 'LspTriage';
    this.item.command = 'lspTriage.showServerLog';
    this.render();
    this.item.show();
  }

  setState(state: ServerState, detail = ''): void {
    this.state = state;
    this.detail = detail;
    this.render();
  }

  setProvider(provider: string): void {
    this.provider = provider;
    this.render();
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const icon = { starting: '$(sync~spin)', running: '$(pulse)', stopped: '$(debug-stop)', error: '$(error)' }[this.state];
    this.item.text = `${icon} LspTriage · ${this.provider}`;
    const md = new vscode.MarkdownString(
      `**LspTriage server:** ${this.state}${this.detail ? ` (${this.detail})` : ''}\n\n**Analysis:** ${this.provider}\n\nClick to show the server log.`,
    );
    this.item.tooltip = md;
    this.item.backgroundColor =
      this.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: `LspTriage server ${this.state}, analysis ${this.provider}` };
  }
}
