namespace LspTriage.Cli.Cli;

/// <summary>A mistake in how the command was called: reported with the command's usage and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
