/** The folder name `npm run package` uses for a platform, e.g. linux-x64, osx-arm64, win-x64 (.NET runtime ids). */
export function platformFolder(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'osx' : platform;
  return `${os}-${arch}`;
}
