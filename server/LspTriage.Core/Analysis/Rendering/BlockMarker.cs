using System.Globalization;
using System.Text;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Rendering;

/// <summary>The begin/end marker lines of an analysis block and the run attributes they carry.</summary>
public static class BlockMarker
{
    public const string Kind = "analysis";
    public const string End = "<!-- lsptriage:end -->";

    public static string Begin(RunInfo run, string hash)
    {
        var sb = new StringBuilder("<!-- lsptriage:begin ").Append(Kind);
        void Attr(string key, string value)
        {
            sb.Append(' ').Append(key).Append('=');
            if (value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':'))
            {
                sb.Append(value);
            }
            else
            {
                sb.Append('"').Append(value.Replace("\"", "'", StringComparison.Ordinal).Replace("--", "-", StringComparison.Ordinal)).Append('"');
            }
        }
        Attr("provider", run.Provider);
        Attr("model", run.Model);
        Attr("prompt", run.PromptVersion);
        Attr("lang", run.Language);
        Attr("latency", run.LatencyMs.ToString(CultureInfo.InvariantCulture) + "ms");
        Attr("tokens", $"{run.InputTokens}/{run.OutputTokens}");
        if (run.Cost is { } cost)
        {
            Attr("cost", cost.ToString("0.00000", CultureInfo.InvariantCulture));
        }
        if (run.Redactions.Count > 0)
        {
            Attr("redacted", string.Join(",", run.Redactions));
        }
        Attr("hash", hash);
        return sb.Append(" -->").ToString();
    }
}
