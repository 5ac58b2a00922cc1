using System.Text.Json.Nodes;
using LspTriage.Core.Actions;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// "Copy as issue" over the protocol: a code action on an open action item whose command returns the issue (title,
/// markdown body, <c>gh issue create</c> line) as <c>lsptriage actions --format github</c> writes it.
/// </summary>
public sealed class CopyAsIssueTests : IDisposable
{
    private const string Postmortem = """
        ---
        kind: postmortem
        created: 2026-05-14
        ---
        # Checkout 502s after certificate rotation

        ## Action items
        - [ ] **P1** Validate the full chain in the rotation job, due 2026-06-01 — @platform-team
        - [x] **P2** Add a synthetic TLS probe — SRE
        """;

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string Uri(string relative) => new Uri(Path.Combine(_root.Path, relative)).AbsoluteUri;

    private static async Task<JsonArray> ActionsAsync(TestLspClient client, string uri, int line) =>
        (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = 4 },
                ["end"] = new JsonObject { ["line"] = line, ["character"] = 4 },
            },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))["result"]!.AsArray();

    private static async Task<JsonNode> CopyAsync(TestLspClient client, JsonArray actions)
    {
        var copy = actions.Single(a => (string?)a!["title"] == "Copy as issue")!;
        Assert.Equal("refactor.lspTriage.copyAsIssue", (string)copy["kind"]!);
        var command = copy["command"]!;
        var response = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = (string)command["command"]!, ["arguments"] = command["arguments"]!.DeepClone() });
        return response["result"]!;
    }

    [Fact]
    public async Task A_list_item_becomes_the_issue_actions_github_writes_with_a_link_back_to_file_and_line()
    {
        await using var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path);
        var uri = Uri("postmortems/pm.md");
        await client.OpenAsync(uri, Postmortem);

        var issue = await CopyAsync(client, await ActionsAsync(client, uri, 7));

        Assert.Equal("[P1] Validate the full chain in the rotation job, due 2026-06-01", (string)issue["title"]!);
        var body = (string)issue["body"]!;
        Assert.Contains("- Priority: P1", body, StringComparison.Ordinal);
        Assert.Contains("- Owner: @platform-team", body, StringComparison.Ordinal);
        Assert.Contains("- Due: 2026-06-01", body, StringComparison.Ordinal);
        Assert.Contains("(postmortems/pm.md:8)", body, StringComparison.Ordinal);
        Assert.StartsWith("## [P1] Validate", (string)issue["markdown"]!, StringComparison.Ordinal);
        // One formatting source: the command line is the one `lsptriage actions --format github` writes for the item.
        var parsed = IncidentDocument.Parse(Postmortem.ReplaceLineEndings("\n"), Path.Combine(_root.Path, "postmortems", "pm.md"));
        var item = OpenActionItem.From("postmortems/pm.md", parsed).Single();
        Assert.Equal(GitHubIssue.For(item, "postmortems/pm.md:8").CommandLine, (string)issue["command"]!);
        Assert.EndsWith("--assignee 'platform-team'", (string)issue["command"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_row_is_an_item_too_and_done_items_and_other_lines_get_no_action()
    {
        await using var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path);
        var google = Uri("postmortems/google.md");
        await client.OpenAsync(google, RepoPaths.Fixture("templates/google-sre.md"));

        var issue = await CopyAsync(client, await ActionsAsync(client, google, 30));
        Assert.Equal("Set a 30 s lock timeout on every exporter transaction", (string)issue["title"]!);
        Assert.Contains("- Owner: tanaka.r", (string)issue["body"]!, StringComparison.Ordinal);
        Assert.Contains("(postmortems/google.md:31)", (string)issue["body"]!, StringComparison.Ordinal);

        var uri = Uri("postmortems/pm.md");
        await client.OpenAsync(uri, Postmortem);
        Assert.DoesNotContain(await ActionsAsync(client, uri, 8), a => (string?)a!["title"] == "Copy as issue");
        Assert.DoesNotContain(await ActionsAsync(client, uri, 4), a => (string?)a!["title"] == "Copy as issue");
        var error = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.copyAsIssue", ["arguments"] = new JsonArray(uri, 4) });
        Assert.Equal(-32602, (int)error["error"]!["code"]!);
    }
}
