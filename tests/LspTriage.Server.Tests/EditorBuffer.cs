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

    public async Task TypeAsync(int line, int character, string text)
    {
        int version;
        lock (_gate)
        {
            var at = new Position(line, character);
            Text = TextEdits.Apply(Text, [new TextEdit(new TextRange(at, at), text)]);
            version = ++Version;
        }
        await _client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = Pos(line, character), ["end"] = Pos(line, character) },
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
