import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { platformFolder } from './platform';

export interface ServerLocation {
  command: string;
  origin: 'bundled' | 'setting' | 'PATH';
}

/** Bundled server first, then `lspTriage.server.path`, then `lsptriage` on PATH. */
export function resolveServer(context: vscode.ExtensionContext): ServerLocation | undefined {
  const exe = process.platform === 'win32' ? 'lsptriage.exe' : 'lsptriage';
  const bundled = context.asAbsolutePath(path.join('server', platformFolder(), exe));
  if (fs.existsSync(bundled)) {
    ensureExecutable(bundled);
    return { command: bundled, origin: 'bundled' };
  }
  const configured = vscode.workspace.getConfiguration('lspTriage').get<string>('server.path', '').trim();
  if (configured) return { command: configured, origin: 'setting' };
  const onPath = findOnPath(exe);
  return onPath ? { command: onPath, origin: 'PATH' } : undefined;
}

function ensureExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) === 0) fs.chmodSync(file, mode | 0o755);
  } catch {
    // starting it will report the real problem
  }
}

function findOnPath(exe: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, exe);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
