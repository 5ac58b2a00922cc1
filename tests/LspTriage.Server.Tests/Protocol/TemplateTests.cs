using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>Template profiles over the protocol: detected from headings, or chosen by the <c>templates</c> settings.</summary>
public sealed class TemplateTests
{
    [Fact]
    public async Task Template_postmortems_are_clean_and_their_defects_are_diagnosed()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync("file:///w/postmortems/google.md", RepoPaths.Fixture("templates/google-sre.md"), version: 1);
        await client.OpenAsync("file:///w/postmortems/google-bad.md", RepoPaths.Fixture("templates/google-sre-defects.md"), version: 1);

        Assert.Empty(await client.DiagnosticsAsync("file:///w/postmortems/google.md", 1));
        var defects = await client.DiagnosticsAsync("file:///w/postmortems/google-bad.md", 1);
        Assert.Equal([(18, "LT001"), (30, "LT006"), (58, "LT004")], defects.Select(d => ((int)d!["range"]!["start"]!["line"]!, (string)d["code"]!)));
    }

    [Fact]
    public async Task The_settings_choose_the_template_and_the_required_sections()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        const string uri = "file:///w/postmortems/atlassian.md";
        await client.OpenAsync(uri, RepoPaths.Fixture("templates/atlassian.md"), version: 1);
        Assert.Empty(await client.DiagnosticsAsync(uri, 1));

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["lspTriage"] = new JsonObject { ["templates"] = new JsonObject { ["requiredSections"] = new JsonArray("Summary", "Messaging", "Trigger") } } },
        });
        var diagnostics = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => (string?)n["params"]!["uri"] == uri && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        var messages = diagnostics["params"]!["diagnostics"]!.AsArray().Select(d => (string)d!["message"]!).ToArray();
        // "Messaging" is no section kind we know: only the known ones are required.
        Assert.Equal(["Postmortem is missing the \"Trigger\" section (Atlassian template)."], messages);
    }
}
