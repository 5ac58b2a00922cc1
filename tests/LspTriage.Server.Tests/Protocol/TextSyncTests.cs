using System.Text.Json.Nodes;

namespace LspTriage.Server.Tests.Protocol;

public sealed class TextSyncTests
{
    private const string Uri = "file:///w/postmortems/sync.md";

    private static JsonObject Change(int version, int line, int startChar, int endLine, int endChar, string text) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = startChar },
                ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endChar },
            },
            ["text"] = text,
        }),
    };

    private static (int Line, int Start, int End, string Code)[] Ranges(JsonArray diagnostics) =>
        diagnostics.Select(d => ((int)d!["range"]!["start"]!["line"]!, (int)d["range"]!["start"]!["character"]!, (int)d["range"]!["end"]!["character"]!, (string)d["code"]!)).ToArray();

    [Fact]
    public async Task Incremental_edits_use_utf16_columns_across_astral_and_cjk_characters()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, "# T\n\n## Summary\n😀 中文 [FILL IN]\n");
        // "😀" is two UTF-16 code units, "中文 " three: the placeholder starts at column 6.
        Assert.Equal([(3, 6, 15, "LT001")], Ranges(await client.DiagnosticsAsync(Uri, 1)).Where(d => d.Code == "LT001"));

        // Insert "é" right after the emoji (column 2): the placeholder moves to column 7.
        await client.NotifyAsync("textDocument/didChange", Change(2, 3, 2, 3, 2, "é"));
        Assert.Equal([(3, 7, 16, "LT001")], Ranges(await client.DiagnosticsAsync(Uri, 2)).Where(d => d.Code == "LT001"));

        // Replace the placeholder with text spanning the emoji's code units exactly.
        await client.NotifyAsync("textDocument/didChange", Change(3, 3, 7, 3, 16, "Filled 🎉"));
        Assert.DoesNotContain(Ranges(await client.DiagnosticsAsync(Uri, 3)), d => d.Code == "LT001");
    }

    [Fact]
    public async Task Several_changes_in_one_notification_apply_in_order()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, "# T\n\n## Summary\nabc\n");
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(
                new JsonObject { ["range"] = Range(3, 0, 3, 3), ["text"] = "[TODO] and\nmore" },
                new JsonObject { ["range"] = Range(4, 4, 4, 4), ["text"] = " [FILL IN]" }),
        });
        var diagnostics = Ranges(await client.DiagnosticsAsync(Uri, 2)).Where(d => d.Code == "LT001").ToArray();
        Assert.Equal([(3, 0, 6, "LT001"), (4, 5, 14, "LT001")], diagnostics);
    }

    [Fact]
    public async Task A_full_text_change_replaces_the_document()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, "# T\n[FILL IN]\n");
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "# T\n\nTBD and TBD\n" }),
        });
        Assert.Equal(2, Ranges(await client.DiagnosticsAsync(Uri, 2)).Count(d => d.Code == "LT001"));
    }

    [Fact]
    public async Task A_burst_of_edits_publishes_the_latest_version_and_no_stale_one_after_it()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, "# T\n\n## Summary\n\n");
        for (var v = 2; v <= 30; v++)
        {
            await client.NotifyAsync("textDocument/didChange", Change(v, 3, 0, 3, 0, "x"));
        }
        await client.DiagnosticsAsync(Uri, 30);
        // Sentinel: one more edit, published after anything still pending for the burst.
        await client.NotifyAsync("textDocument/didChange", Change(31, 3, 0, 3, 0, "x"));
        await client.DiagnosticsAsync(Uri, 31);
        var versions = client.Notifications("textDocument/publishDiagnostics").Select(n => (int?)n["params"]!["version"]).ToArray();
        Assert.Equal(31, versions[^1]);
        Assert.Equal(30, versions[^2]);
        Assert.True(versions.Length < 29, $"debounce should coalesce edits, got {versions.Length} publishes");
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task Closing_clears_the_diagnostics()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, "# T\n[FILL IN]\n");
        await client.DiagnosticsAsync(Uri, 1);
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        var cleared = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => n["params"]!["version"] is null);
        Assert.Empty(cleared["params"]!["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Markdown_files_that_are_not_incidents_get_nothing()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        const string readme = "file:///w/README.md";
        await client.OpenAsync(readme, "# Notes\n[FILL IN]\n");
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == readme);
        Assert.Empty(published["params"]!["diagnostics"]!.AsArray());
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = readme } });
        Assert.Empty(symbols["result"]!.AsArray());
    }

    private static JsonObject Range(int l1, int c1, int l2, int c2) => new()
    {
        ["start"] = new JsonObject { ["line"] = l1, ["character"] = c1 },
        ["end"] = new JsonObject { ["line"] = l2, ["character"] = c2 },
    };
}
