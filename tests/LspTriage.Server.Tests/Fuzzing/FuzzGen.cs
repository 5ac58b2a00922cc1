using System.Text;
using System.Text.Json;
using CsCheck;

namespace LspTriage.Server.Tests.Fuzzing;

/// <summary>
/// Generators of what a hostile or buggy client sends: every method the server serves, with params that are right,
/// almost right (a member of the wrong type, null, missing) or wild (huge strings, deep nesting, lone surrogates,
/// reversed and out-of-range positions, unknown documents), and incident-like markdown for the parser and checks.
/// JSON is built as text, so that what no JSON library would write (a lone surrogate escape) can be sent.
/// </summary>
internal static class FuzzGen
{
    public const string OpenUri = "file:///w/incidents/fuzz.md";

    /// <summary>One message: its method, its params as JSON text (null: no params member), and whether it is a request.</summary>
    internal sealed record Message(string Method, string? Params, bool IsRequest)
    {
        public string Frame(string? id) =>
            $"{{\"jsonrpc\":\"2.0\"{(id is null ? "" : $",\"id\":{id}")},\"method\":\"{Method}\"{(Params is null ? "" : $",\"params\":{Params}")}}}";
    }

    private static string Quote(string s) => JsonSerializer.Serialize(s);

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String.Select(Quote),
        Gen.Const("\"\\ud800\""),
        Gen.Const("\"a\\udfffb\\ud83d\""),
        Gen.Const("\"\""),
        Gen.Const("\"\\u0000\\u001f\""),
        Gen.Int[1_000, 300_000].Select(n => "\"" + new string('x', n) + "\""));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Int[-3, 40].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Const("2147483648"), Gen.Const("-2147483649"), Gen.Const("1e308"), Gen.Const("0.5"), Gen.Const("-0"));

    private static readonly Gen<string> Scalar = Gen.OneOf(Text, Number, Gen.Const("true"), Gen.Const("false"), Gen.Const("null"));

    private static readonly Gen<string> Deep = Gen.Int[1, 4000].Select(n => new string('[', n) + new string(']', n));

    private static readonly string[] Keys =
    [
        "textDocument", "uri", "position", "range", "start", "end", "line", "character", "context", "diagnostics", "only",
        "query", "command", "arguments", "contentChanges", "text", "version", "changes", "type", "event", "added",
        "removed", "settings", "lspTriage", "value", "token", "id", "languageId", "previousResultId",
    ];

    /// <summary>Any JSON value, nested a few levels, with the member names the protocol uses.</summary>
    private static readonly Gen<string> Any = Gen.Recursive<string>((depth, any) => depth > 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Deep),
            (2, Gen.Select(Gen.OneOf(Keys), any).Array[0, 4].Select(members => "{" + string.Join(",", members.Select(m => $"{Quote(m.Item1)}:{m.Item2}")) + "}")),
            (1, any.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"))));

    /// <summary>A value that is usually right for its place and sometimes anything at all.</summary>
    private static Gen<string> Mostly(Gen<string> right) => Gen.Frequency((4, right), (1, Any));

    private static readonly Gen<string> Uri = Mostly(Gen.OneOf(
        Gen.Const(Quote(OpenUri)), Gen.Const(Quote(OpenUri)), Gen.Const("\"file:///w/incidents/unknown.md\""),
        Gen.Const("\"untitled:Untitled-1\""), Gen.Const("\"not a uri\""), Gen.Const("\"file:///w/incidents/%ZZ.md\"")));

    private static readonly Gen<string> Position = Mostly(Gen.Select(Number, Number, (l, c) => $"{{\"line\":{l},\"character\":{c}}}"));

    private static readonly Gen<string> Range = Mostly(Gen.Select(Position, Position, (s, e) => $"{{\"start\":{s},\"end\":{e}}}"));

    private static readonly Gen<string> Doc = Mostly(Uri.Select(u => $"{{\"uri\":{u}}}"));

    /// <summary>Incident-like markdown: the structures the parser and checks look for, with noise between them.</summary>
    public static readonly Gen<string> Markdown = Gen.OneOf(
        "---", "title: \"Checkout outage\"", "kind: incident", "severity: SEV1", "# Payment pool exhaustion", "## Summary",
        "## Impact", "## Timeline", "## Root cause", "## Action items", "## Raw incident context", "## 原始事件上下文", "## 时间线",
        "[FILL IN]", "[待补充]", "TBD", "- 14:02 alert fired", "- 14:05 rollback", "- 25:99 nonsense", "- [ ] owner: @sre fix it",
        "- [x] done", "```", "    indented code", "active_connections: 500 / 500", "ERROR pool exhausted", "| a | b |", "|---|---|",
        "<!-- lsptriage:begin analysis provider=offline hash=deadbeef -->", "<!-- lsptriage:end -->", "😀🔥 emoji line", "\t\t",
        "", "", "Some prose about the incident that goes on.", "\uFEFFbom", "\r", "=====", "> quote", "#", "##", "### Deep")
        .Array[0, 40].Select(lines => string.Join(Environment.NewLine == "\n" ? "\n" : "\n", lines));

    private static readonly Gen<string> Command = Gen.OneOf("lspTriage.analyze", "lspTriage.findSimilar", "lspTriage.insertSimilar", "lspTriage.reindex", "lspTriage.nope");

    private static readonly Gen<string> Change = Mostly(Gen.OneOf(
        Gen.Select(Range, Markdown, (r, t) => $"{{\"range\":{r},\"text\":{Quote(t)}}}"),
        Markdown.Select(t => $"{{\"text\":{Quote(t)}}}")));

    /// <summary>Requests: every method the server answers, with params built from the generators above.</summary>
    public static readonly Gen<Message> Request = Gen.OneOf(
        Gen.Select(Doc, Position, (d, p) => new Message("textDocument/hover", $"{{\"textDocument\":{d},\"position\":{p}}}", true)),
        Doc.Select(d => new Message("textDocument/codeLens", $"{{\"textDocument\":{d}}}", true)),
        Doc.Select(d => new Message("textDocument/documentSymbol", $"{{\"textDocument\":{d}}}", true)),
        Doc.Select(d => new Message("textDocument/foldingRange", $"{{\"textDocument\":{d}}}", true)),
        Doc.Select(d => new Message("textDocument/documentLink", $"{{\"textDocument\":{d}}}", true)),
        Gen.Select(Doc, Mostly(Gen.Const("null")), (d, r) => new Message("textDocument/diagnostic", $"{{\"textDocument\":{d},\"previousResultId\":{r}}}", true)),
        Gen.Select(Doc, Range, Mostly(Gen.Const("{\"diagnostics\":[]}")), (d, r, c) => new Message("textDocument/codeAction", $"{{\"textDocument\":{d},\"range\":{r},\"context\":{c}}}", true)),
        Mostly(Text).Select(q => new Message("workspace/symbol", $"{{\"query\":{q}}}", true)),
        Gen.Select(Command, Mostly(Uri).Array[0, 2], (c, args) => new Message("workspace/executeCommand", $"{{\"command\":{Quote(c)},\"arguments\":[{string.Join(",", args)}]}}", true)),
        Any.Select(p => new Message("initialize", p, true)),
        Gen.Select(Gen.OneOf("textDocument/hover", "workspace/symbol", "textDocument/codeAction", "workspace/executeCommand", "textDocument/documentLink", "no/such"), Any,
            (m, p) => new Message(m, p, true)));

    /// <summary>Notifications that change state (documents, settings, files), some of them ill-formed.</summary>
    public static readonly Gen<Message> Notification = Gen.OneOf(
        Gen.Select(Mostly(Gen.Const(Quote(OpenUri))), Markdown, (u, t) => new Message("textDocument/didOpen", $"{{\"textDocument\":{{\"uri\":{u},\"languageId\":\"markdown\",\"version\":1,\"text\":{Quote(t)}}}}}", false)),
        Gen.Select(Doc, Number, Change.Array[0, 3], (d, v, c) => new Message("textDocument/didChange", $"{{\"textDocument\":{d.TrimEnd('}')}{(d.StartsWith('{') && d.EndsWith('}') ? $",\"version\":{v}}}" : "")},\"contentChanges\":[{string.Join(",", c)}]}}", false)),
        Doc.Select(d => new Message("textDocument/didSave", $"{{\"textDocument\":{d}}}", false)),
        Gen.Select(Uri, Gen.Int[0, 4], (u, t) => new Message("workspace/didChangeWatchedFiles", $"{{\"changes\":[{{\"uri\":{u},\"type\":{t}}}]}}", false)),
        Any.Select(s => new Message("workspace/didChangeConfiguration", $"{{\"settings\":{{\"lspTriage\":{s}}}}}", false)),
        Any.Select(e => new Message("workspace/didChangeWorkspaceFolders", $"{{\"event\":{e}}}", false)),
        Any.Select(v => new Message("$/setTrace", $"{{\"value\":{v}}}", false)),
        Any.Select(i => new Message("$/cancelRequest", $"{{\"id\":{i}}}", false)),
        Any.Select(t => new Message("window/workDoneProgress/cancel", $"{{\"token\":{t}}}", false)),
        Gen.Select(Gen.OneOf("textDocument/didOpen", "textDocument/didChange", "workspace/didChangeWatchedFiles", "initialized", "no/such"), Any,
            (m, p) => new Message(m, p, false)));

    /// <summary>Mostly requests (each must be answered), with notifications between them.</summary>
    public static readonly Gen<Message> Traffic = Gen.Frequency((3, Request), (2, Notification));

    /// <summary>A frame body: a message, JSON cut short, bytes that are not UTF-8, a byte-order mark, or nothing useful.</summary>
    public static readonly Gen<byte[]> Body = Gen.OneOf(
        Traffic.Select(m => Encoding.UTF8.GetBytes(m.Frame("\"frame\""))),
        Gen.Select(Traffic, Gen.Double[0, 1], (m, cut) => Encoding.UTF8.GetBytes(m.Frame("\"frame\"")[..(int)(m.Frame("\"frame\"").Length * cut)])),
        Gen.Byte.Array[0, 300],
        Traffic.Select(m => (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(m.Frame("\"frame\""))]),
        Traffic.Select(m => (byte[])[.. Encoding.UTF8.GetBytes(m.Frame("\"frame\"")), 0xC3, 0x28]));

    /// <summary>A header block for a body of the given length: any case, spacing, extra headers, CRLF or LF.</summary>
    public static readonly Gen<Func<int, string>> Header = Gen.Select(
        Gen.OneOf("Content-Length", "content-length", "CONTENT-LENGTH", "Content-length"),
        Gen.OneOf(": ", ":", ":  ", ":\t"),
        Gen.OneOf("", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n", "X-Whatever: 1\r\n"),
        Gen.Bool,
        (name, colon, extra, before) => (Func<int, string>)(length =>
            before ? $"{extra}{name}{colon}{length}\r\n\r\n" : $"{name}{colon}{length}\r\n{extra}\r\n"));
}
