using System.Text.Json;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Documents;

/// <summary>
/// VS Code shows the extension's setting defaults (package.json) and sends them; other editors get the server's.
/// The two must be the same globs, or a file would be an incident in one editor and not in another.
/// </summary>
public sealed class DefaultGlobsTests
{
    [Theory]
    [InlineData("lspTriage.files.incidentGlobs")]
    [InlineData("lspTriage.files.postmortemGlobs")]
    public void The_extension_settings_default_to_the_server_globs(string setting)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "client-vscode", "package.json")));
        var declared = manifest.RootElement.GetProperty("contributes").GetProperty("configuration").GetProperty("properties")
            .GetProperty(setting).GetProperty("default").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var server = setting.EndsWith("incidentGlobs", StringComparison.Ordinal) ? DocumentOptions.Default.IncidentGlobs : DocumentOptions.Default.PostmortemGlobs;
        Assert.Equal(server, declared);
    }
}
