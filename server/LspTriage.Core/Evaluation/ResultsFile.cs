using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LspTriage.Core.Evaluation;

/// <summary>
/// <c>results.jsonl</c>: one <see cref="EvalResult"/> per line, appended and flushed as each run finishes, so an
/// interrupted eval loses at most the runs in flight. A torn last line is skipped on reading and dropped on rewrite.
/// </summary>
public sealed class ResultsFile : IDisposable
{
    public const string FileName = "results.jsonl";

    /// <summary>camelCase, nulls left out, Chinese text readable rather than \u-escaped; source-generated (Native AOT).</summary>
    private static readonly EvalResultJson Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private ResultsFile(StreamWriter writer) => _writer = writer;

    public sealed record Contents(IReadOnlyList<EvalResult> Results, int UnreadableLines);

    public static Contents Load(string path)
    {
        if (!File.Exists(path))
        {
            return new Contents([], 0);
        }
        var results = new List<EvalResult>();
        var unreadable = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                if (JsonSerializer.Deserialize(line, Json.EvalResult) is { } r)
                {
                    results.Add(r);
                }
            }
            catch (JsonException)
            {
                unreadable++;
            }
        }
        return new Contents(results, unreadable);
    }

    /// <summary>Rewrites the file with <paramref name="kept"/> and opens it for appending further runs.</summary>
    public static ResultsFile Rewrite(string path, IEnumerable<EvalResult> kept)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllLines(temp, kept.Select(Serialize), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
        return new ResultsFile(new StreamWriter(path, append: true, new UTF8Encoding(false)));
    }

    public static string Serialize(EvalResult result) => JsonSerializer.Serialize(result, Json.EvalResult);

    public async Task AppendAsync(EvalResult result, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _writer.WriteLineAsync(Serialize(result)).ConfigureAwait(false);
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _gate.Dispose();
    }
}

[JsonSerializable(typeof(EvalResult))]
internal sealed partial class EvalResultJson : JsonSerializerContext;
