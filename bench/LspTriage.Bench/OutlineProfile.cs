using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Server.Symbols;

namespace LspTriage.Bench;

/// <summary>
/// Where a documentSymbol answer's time goes, without the protocol: parse, the outline, its JSON (with the server's
/// serializer settings), and for comparison the checks. Each step on its own, median over the runs.
/// </summary>
internal static class OutlineProfile
{
    public static void Run(BenchOptions options, string text)
    {
        Console.WriteLine($"== documentSymbol breakdown, in-process, no protocol ({options.Runs} runs after a warm-up)");
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        const string path = "/bench/postmortems/generated.md";
        var parse = new List<double>();
        var check = new List<double>();
        var outline = new List<double>();
        var headingsOnly = new List<double>();
        var serialize = new List<double>();
        int bytes = 0, headingBytes = 0;
        for (var i = 0; i <= options.Runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var document = IncidentDocument.Parse(text, path, DocumentOptions.Default);
            var parseMs = Elapsed(started);

            started = Stopwatch.GetTimestamp();
            var findings = DocumentChecker.Default.Check(document);
            var checkMs = Elapsed(started);

            started = Stopwatch.GetTimestamp();
            var symbols = OutlineBuilder.Build(document, includeEntries: true);
            var outlineMs = Elapsed(started);

            started = Stopwatch.GetTimestamp();
            var utf8 = JsonSerializer.SerializeToUtf8Bytes(symbols, json);
            var serializeMs = Elapsed(started);

            started = Stopwatch.GetTimestamp();
            var headings = OutlineBuilder.Build(document, includeEntries: false);
            var headingsMs = Elapsed(started);
            if (i == 0)
            {
                bytes = utf8.Length;
                headingBytes = JsonSerializer.SerializeToUtf8Bytes(headings, json).Length;
                Console.WriteLine($"   {document.Sections.Count} sections, {document.Timeline.Count} timeline entries, {document.ActionItems.Count} action items, {findings.Count} findings");
                continue;
            }
            parse.Add(parseMs);
            check.Add(checkMs);
            outline.Add(outlineMs);
            serialize.Add(serializeMs);
            headingsOnly.Add(headingsMs);
        }
        Console.WriteLine($"   IncidentDocument.Parse:                  {Stats.Of(parse)}");
        Console.WriteLine($"   DocumentChecker.Check:                   {Stats.Of(check)}");
        Console.WriteLine($"   OutlineBuilder.Build (with entries):     {Stats.Of(outline)}");
        Console.WriteLine($"   OutlineBuilder.Build (headings only):    {Stats.Of(headingsOnly)}  ({headingBytes / 1024.0:F0} KiB of JSON)");
        Console.WriteLine($"   JSON serialization of the outline:       {Stats.Of(serialize)}  ({bytes / 1024.0:F0} KiB)");
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
