namespace LspTriage.Core.Files;

/// <summary>
/// Where LspTriage keeps what must outlive a process on this machine (writes waiting for a shared database):
/// <c>LSPTRIAGE_STATE_DIR</c> when set, else <c>lsptriage</c> under the user's local application data
/// (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows,
/// <c>~/Library/Application Support</c> on macOS). Null when neither exists (no home): callers keep state in memory.
/// </summary>
public static class StateFolder
{
    public const string EnvironmentVariable = "LSPTRIAGE_STATE_DIR";

    public static string? Resolve()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(local) ? null : Path.Combine(local, "lsptriage");
    }
}
