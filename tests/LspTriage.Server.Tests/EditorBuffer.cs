using System.Text.Json.Nodes;
using LspTriage.Core.Text;

namespace LspTriage.Server.Tests;

/// <summary>
/// One open document as an editor holds it: applies the server's workspace/applyEdit only when the edit's version
/// matches the buffer (as VS Code does), and tells the server about its own typing with didChange.
/// </summary>
internal sealed class EditorBuffer
{
    private readonly TestLspClient _client;
    private readonly object _gate = new();

    public EditorBuffer(TestLspClient client, string uri, string text)
    {
        _client = client;
        Uri = uri;
        Text = text;
        client.OnServerRequest = HandleAsync;
    }

    public string Uri { get; }

    public string Text { get; private set; }

    public int Version { get; private set; } = 1;

    public List<JsonObject> EditsReceived { get; } = [];

    /// <summary>Runs before the buffer answers an applyEdit: a test can type here, as a user would mid-analysis.</summary>
    public Func<int, Task>? BeforeApply { get; set; }

    public Task OpenAsync() => _client.OpenAsync(Uri, Text, Version);

    public Task TypeAsync(int line, int character, string text) => ReplaceAsync(new TextRange(new Position(line, character), new Position(line, character)), text);

    /// <summary>The user replaces a range (selects and types, or deletes with an empty text).</summary>
    public async Task ReplaceAsync(TextRange range, string text)
    {
        int version;
        lock (_gate)
        {
            Text = TextEdits.Apply(Text, [new TextEdit(range, text)]);
            version = ++Version;
        }
        await _client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = Pos(range.Start.Line, range.Start.Character), ["end"] = Pos(range.End.Line, range.End.Character) },
                ["text"] = text,
            }),
        });
    }

    private async Task<JsonNode?> HandleAsync(JsonObject request)
    {
        if ((string?)request["method"] != "workspace/applyEdit")
        {
            return null;
        }
        EditsReceived.Add(request);
        if (BeforeApply is { } before)
        {
            await before(EditsReceived.Count);
        }
        var change = request["params"]!["edit"]!["documentChanges"]![0]!;
        var version = (int?)change["textDocument"]!["version"];
        string newText;
        lock (_gate)
        {
            if (version != Version)
            {
                return new JsonObject { ["applied"] = false, ["failureReason"] = $"version {version} is not the buffer's {Version}" };
            }
            var edits = change["edits"]!.AsArray().Select(e => new TextEdit(
                new TextRange(ToPosition(e!["range"]!["start"]!), ToPosition(e["range"]!["end"]!)), (string)e["newText"]!));
            Text = TextEdits.Apply(Text, edits);
            Version++;
            newText = Text;
        }
        await _client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = Version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = newText }),
        });
        return new JsonObject { ["applied"] = true };
    }

    private static Position ToPosition(JsonNode node) => new((int)node["line"]!, (int)node["character"]!);

    private static JsonObject Pos(int line, int character) => new() { ["line"] = line, ["character"] = character };
}
