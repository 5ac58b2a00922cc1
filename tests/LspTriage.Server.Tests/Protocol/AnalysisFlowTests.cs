using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>Analyze incident in the editor: code action and lens, progress, versioned edits, and no lost text.</summary>
public sealed class AnalysisFlowTests
{
    private const string Uri = "file:///w/incidents/2026-06-02-payment-pool.md";

    private static string Seed() => File.ReadAllText(Path.Combine(RepoPaths.Samples, "2026-06-02-payment-pool.md"));

    private static Task<JsonObject> AnalyzeAsync(TestLspClient client, string uri = Uri) =>
        client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.analyze", ["arguments"] = new JsonArray(uri) });

    private static async Task<EditorBuffer> OpenAsync(TestLspClient client, string text, string uri = Uri)
    {
        var buffer = new EditorBuffer(client, uri, text);
        await buffer.OpenAsync();
        await client.DiagnosticsAsync(uri, 1);
        return buffer;
    }

    [Fact]
    public async Task Code_action_and_lens_offer_analyze_on_incidents_with_raw_context()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await OpenAsync(client, Seed());
        var range = new JsonObject { ["start"] = new JsonObject { ["line"] = 7, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 7, ["character"] = 0 } };
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["range"] = range, ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } }))["result"]!.AsArray();
        var analyze = actions.Single(a => (string?)a!["title"] == "Analyze incident")!;
        Assert.Equal("lspTriage.analyze", (string?)analyze["command"]!["command"]);
        Assert.Equal(Uri, (string?)analyze["command"]!["arguments"]![0]);

        var lenses = (await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } }))["result"]!.AsArray();
        Assert.Contains(lenses, l => (string?)l!["command"]!["title"] == "Analyze incident");
    }

    [Fact]
    public async Task Analyze_inserts_the_block_with_progress_and_keeps_every_user_character()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var original = Seed();
        var buffer = await OpenAsync(client, original);

        var response = await AnalyzeAsync(client);

        Assert.True((bool)response["result"]!["applied"]!, response.ToJsonString());
        Assert.Contains("<!-- lsptriage:begin analysis", buffer.Text);
        Assert.Contains("<!-- lsptriage:end -->", buffer.Text);
        Assert.Contains("pg_stat_activity", buffer.Text);
        AssertKeepsAllOf(original, buffer.Text);
        var edit = buffer.EditsReceived.Single()["params"]!["edit"]!["documentChanges"]![0]!;
        Assert.Equal(1, (int)edit["textDocument"]!["version"]!);
        var progress = client.Notifications("$/progress").Select(n => (string?)n["params"]!["value"]!["kind"]).ToList();
        Assert.Contains("begin", progress);
        Assert.Contains("end", progress);
    }

    [Fact]
    public async Task Typing_during_the_analysis_is_kept_and_the_edit_is_recomputed_for_the_new_version()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var buffer = await OpenAsync(client, Seed());
        buffer.BeforeApply = async attempt =>
        {
            if (attempt == 1)
            {
                // The user types a note at the top while the first edit is in flight: that edit now targets an old version.
                await buffer.TypeAsync(0, 0, "<!-- note typed during the analysis -->\n");
                await client.DiagnosticsAsync(Uri, buffer.Version);
            }
        };

        var response = await AnalyzeAsync(client);

        Assert.True((bool)response["result"]!["applied"]!, response.ToJsonString());
        Assert.Equal(2, buffer.EditsReceived.Count);
        Assert.Equal(2, (int)buffer.EditsReceived[1]["params"]!["edit"]!["documentChanges"]![0]!["textDocument"]!["version"]!);
        Assert.StartsWith("<!-- note typed during the analysis -->\n---\n", buffer.Text);
        Assert.Equal(1, CountOf(buffer.Text, "<!-- lsptriage:begin analysis"));
    }

    [Fact]
    public async Task Rerunning_replaces_an_unedited_block_but_keeps_an_edited_one_and_warns()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var buffer = await OpenAsync(client, Seed());
        await AnalyzeAsync(client);
        await AnalyzeAsync(client);
        Assert.Equal(1, CountOf(buffer.Text, "<!-- lsptriage:begin analysis"));

        // The user edits a line inside the generated block.
        var line = buffer.Text.Split('\n').ToList().FindIndex(l => l.StartsWith("<!-- lsptriage:begin analysis", StringComparison.Ordinal)) + 1;
        await buffer.TypeAsync(line, 0, "My own note inside the block. ");
        await client.DiagnosticsAsync(Uri, buffer.Version);
        var response = await AnalyzeAsync(client);

        Assert.True((bool)response["result"]!["applied"]!);
        Assert.Equal(2, CountOf(buffer.Text, "<!-- lsptriage:begin analysis"));
        Assert.Contains("My own note inside the block. ", buffer.Text);
        var warning = await client.WaitForNotificationAsync("window/showMessage");
        Assert.Contains("edited", (string?)warning["params"]!["message"]);
    }

    [Fact]
    public async Task A_document_without_raw_context_gets_a_clear_error_and_no_edit()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        const string uri = "file:///w/incidents/empty.md";
        var buffer = await OpenAsync(client, "# Something broke\n\n## Summary\nNo context yet.\n", uri);

        var response = await AnalyzeAsync(client, uri);

        Assert.False((bool)response["result"]!["applied"]!);
        Assert.Contains("Raw incident context", (string?)response["result"]!["message"]);
        Assert.Empty(buffer.EditsReceived);
        var shown = await client.WaitForNotificationAsync("window/showMessage");
        Assert.Equal(1, (int)shown["params"]!["type"]!);
    }

    [Fact]
    public async Task Draft_this_section_fills_a_placeholder_from_the_context()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var text = Seed() + "\n## Root cause\n[FILL IN]\n";
        var buffer = await OpenAsync(client, text);
        var line = text.Split('\n').Length - 2;
        var range = new JsonObject { ["start"] = new JsonObject { ["line"] = line, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = line, ["character"] = 0 } };
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["range"] = range, ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } }))["result"]!.AsArray();

        var draft = actions.Single(a => ((string)a!["title"]!).StartsWith("Draft \"Root cause\"", StringComparison.Ordinal))!;
        var newText = (string)draft["edit"]!["documentChanges"]![0]!["edits"]![0]!["newText"]!;
        Assert.Contains("v2.41", newText);
        Assert.Contains("500 / 500", newText);
        Assert.DoesNotContain("[FILL IN]", newText);
    }

    [Fact]
    public async Task Unsupported_claims_in_a_generated_block_are_diagnosed()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var buffer = await OpenAsync(client, Seed());
        await AnalyzeAsync(client);
        var line = buffer.Text.Split('\n').ToList().FindIndex(l => l.StartsWith("<!-- lsptriage:begin analysis", StringComparison.Ordinal)) + 1;
        await buffer.TypeAsync(line, 0, "About 7,500 users were affected for 45 minutes. ");

        var diagnostics = await client.DiagnosticsAsync(Uri, buffer.Version);
        var unsupported = diagnostics.Where(d => (string?)d!["code"] == "LT020").Select(d => (string)d!["message"]!).ToArray();
        Assert.Contains(unsupported, m => m.Contains("7,500", StringComparison.Ordinal));
        Assert.Contains(unsupported, m => m.Contains("45 minutes", StringComparison.Ordinal));
    }

    /// <summary>The edit was one insertion: removing the inserted text gives back exactly what the user had.</summary>
    private static void AssertKeepsAllOf(string original, string edited)
    {
        var common = 0;
        while (common < original.Length && original[common] == edited[common])
        {
            common++;
        }
        Assert.Equal(original, edited.Remove(common, edited.Length - original.Length));
    }

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;
}
