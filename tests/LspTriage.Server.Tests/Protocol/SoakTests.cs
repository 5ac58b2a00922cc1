using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Tests.Shared;
using Xunit.Abstractions;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// A long editing session: random typing and deleting interleaved with analyses and re-analyses, some of which the
/// editor rejects because the user typed while they ran. At the end the document must be exactly the user's text
/// plus one analysis block: every token the user typed is there once, every token deleted is gone, and removing the
/// tokens and the block gives back the original file. <c>LSPTRIAGE_SOAK_STEPS</c> makes the run longer.
/// </summary>
public sealed partial class SoakTests(ITestOutputHelper output)
{
    private const string Uri = "file:///w/incidents/2026-06-02-payment-pool.md";

    [GeneratedRegex(@" ⟦u\d+⟧")]
    private static partial Regex Token();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Random_edits_and_analyses_end_as_the_users_text_plus_exactly_one_block()
    {
        var steps = int.TryParse(Environment.GetEnvironmentVariable("LSPTRIAGE_SOAK_STEPS"), out var n) ? n : 400;
        var seed = Environment.TickCount;
        output.WriteLine($"soak: {steps} steps, seed {seed}");
        var random = new Random(seed);
        var original = File.ReadAllText(Path.Combine(RepoPaths.Samples, "2026-06-02-payment-pool.md"));

        await using var client = await TestLspClient.StartInitializedAsync();
        var buffer = new EditorBuffer(client, Uri, original);
        await buffer.OpenAsync();
        await client.DiagnosticsAsync(Uri, 1);

        var live = new List<string>();
        var deleted = new List<string>();
        var next = 0;
        var analyses = 0;
        var rejected = 0;

        async Task TypeTokenAsync()
        {
            var lines = TypableLines(buffer.Text);
            var line = lines[random.Next(lines.Count)];
            var token = $" ⟦u{next++}⟧";
            var length = buffer.Text.Split('\n')[line].TrimEnd('\r').Length;
            await buffer.TypeAsync(line, length, token);
            live.Add(token);
        }

        for (var step = 0; step < steps; step++)
        {
            var roll = random.Next(100);
            if (roll < 65 || live.Count == 0)
            {
                await TypeTokenAsync();
            }
            else if (roll < 80)
            {
                var token = live[random.Next(live.Count)];
                var at = buffer.Text.IndexOf(token, StringComparison.Ordinal);
                var map = new LineMap(buffer.Text);
                await buffer.ReplaceAsync(new TextRange(map.PositionAt(at), map.PositionAt(at + token.Length)), "");
                live.Remove(token);
                deleted.Add(token);
            }
            else
            {
                // A third of the analyses race the user: they type while the edit is on its way, the editor refuses
                // the stale edit, and the server must recompute on the new text.
                var received = buffer.EditsReceived.Count;
                buffer.BeforeApply = random.Next(3) == 0 ? async attempt => { if (attempt == received + 1) { await TypeTokenAsync(); } } : null;
                var response = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.analyze", ["arguments"] = new JsonArray(Uri) });
                Assert.Null(response["error"]);
                Assert.True((bool)response["result"]!["applied"]!, response.ToJsonString());
                analyses++;
                rejected += buffer.EditsReceived.Count - received - 1;
                buffer.BeforeApply = null;
            }
        }

        // The server has seen every change: a pull answers for the last version.
        await client.DiagnosticsAsync(Uri, buffer.Version);
        output.WriteLine($"soak: {analyses} analyses, {rejected} stale edits refused and recomputed, {live.Count} tokens live, {deleted.Count} deleted");

        var text = buffer.Text;
        var document = IncidentDocument.Parse(text);
        var block = Assert.Single(document.GeneratedBlocks);
        Assert.True(block.IsUnedited(document));
        // The block may quote the user's tokens as they were when it was generated (they sit in the raw context); the
        // user's text is what is outside it.
        var withoutBlock = text.Remove(block.Span.Start, block.Span.Length);
        foreach (var token in live)
        {
            Assert.Equal(1, Regex.Count(withoutBlock, Regex.Escape(token)));
        }
        foreach (var token in deleted)
        {
            Assert.DoesNotContain(token, withoutBlock, StringComparison.Ordinal);
        }
        Assert.Equal(Normalize(original), Normalize(Token().Replace(withoutBlock, "")));
    }

    /// <summary>Lines the user types at the end of: not headings (a heading's words decide what a section is), not
    /// inside a generated block, not front matter.</summary>
    private static List<int> TypableLines(string text)
    {
        var document = IncidentDocument.Parse(text);
        var map = new LineMap(text);
        var lines = text.Split('\n');
        var frontMatterEnd = text.StartsWith("---", StringComparison.Ordinal) ? Array.IndexOf(lines, "---", 1) : -1;
        var result = new List<int>();
        for (var i = frontMatterEnd + 1; i < lines.Length; i++)
        {
            var offset = map.OffsetAt(new Position(i, 0));
            if (lines[i].TrimStart().StartsWith('#') || lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)
                || document.GeneratedBlocks.Any(b => offset >= b.Span.Start && offset <= b.Span.End))
            {
                continue;
            }
            result.Add(i);
        }
        return result;
    }

    /// <summary>Blank lines around the block are the renderer's; the comparison ignores how many there are.</summary>
    private static string Normalize(string text) => Regex.Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n{2,}", "\n\n").Trim();
}
