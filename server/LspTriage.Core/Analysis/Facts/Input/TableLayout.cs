using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// The columns of a kubectl table (<c>NAMESPACE NAME READY STATUS RESTARTS AGE</c>, describe's <c>Type Reason Age From
/// Message</c>, <c>get events</c>), from its header line; reads rows by column position, or by wide gaps when re-wrapped.
/// </summary>
internal sealed partial class TableLayout
{
    private static readonly HashSet<string> HeaderWords = new(StringComparer.Ordinal)
    {
        "NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED", "READINESS", "GATES",
        "LAST", "SEEN", "FIRST", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "MESSAGE", "SOURCE", "COUNT", "CLUSTER-IP",
        "EXTERNAL-IP", "PORT(S)", "UP-TO-DATE", "AVAILABLE", "DESIRED", "CURRENT", "CAPACITY", "ACCESS", "MODES",
        "STORAGECLASS", "VOLUME", "VOLUMEATTRIBUTESCLASS", "ROLES", "VERSION", "COMPLETIONS", "DURATION", "SCHEDULE",
        "SUSPEND", "ACTIVE", "CPU(cores)", "MEMORY(bytes)", "CPU%", "MEMORY%", "PROVISIONER", "RECLAIMPOLICY",
        "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "CLAIM", "ENDPOINTS", "PORTS", "HOSTS", "ADDRESS", "CLASS",
        "SELECTOR", "CONTAINERS", "IMAGES", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "INTERNAL-IP",
        "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME", "ACCESSMODES", "Type", "Reason", "Age", "From", "Message",
    };

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex Column();

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex WideGap();

    private TableLayout(IReadOnlyList<(string Name, int Start)> columns)
    {
        Columns = columns;
    }

    public IReadOnlyList<(string Name, int Start)> Columns { get; }

    public bool IsEvents => Columns.Any(c => c.Name is "REASON" or "Reason") && Columns.Any(c => c.Name is "MESSAGE" or "Message");

    public static TableLayout? TryHeader(string line)
    {
        var columns = Column().Matches(line).Select(m => (Name: m.Value, Start: m.Index)).ToList();
        if (columns.Count < 3 || !columns.All(c => c.Name.Split(' ').All(HeaderWords.Contains)))
        {
            return null;
        }
        return new TableLayout(columns);
    }

    /// <summary>Cells by header, or null when the line is not a row of this table.</summary>
    public Dictionary<string, string>? Cells(string line)
    {
        if (line.Trim().Length == 0)
        {
            return null;
        }
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Aligned(line))
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                var start = Columns[i].Start;
                if (start >= line.Length)
                {
                    break;
                }
                var end = i + 1 < Columns.Count ? Math.Min(line.Length, Columns[i + 1].Start) : line.Length;
                cells[Columns[i].Name] = line[start..end].Trim();
            }
            return cells;
        }
        var parts = WideGap().Split(line.Trim());
        if (parts.Length < Math.Min(3, Columns.Count))
        {
            return null;
        }
        for (var i = 0; i < Columns.Count && i < parts.Length; i++)
        {
            cells[Columns[i].Name] = i == Columns.Count - 1 ? string.Join("  ", parts[i..]) : parts[i];
        }
        return cells;
    }

    /// <summary>kubectl pads columns: each column starts after a space, and the first cell starts where the header does.</summary>
    private bool Aligned(string line)
    {
        if (line.Length <= Columns[0].Start || char.IsWhiteSpace(line[Columns[0].Start]))
        {
            return false;
        }
        // The first cell is a name, a type or an age: one token, never a sentence.
        if (Columns.Count > 1 && Columns[1].Start <= line.Length && line[Columns[0].Start..Columns[1].Start].Trim().Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        for (var i = 1; i < Columns.Count; i++)
        {
            var s = Columns[i].Start;
            if (s < line.Length && (!char.IsWhiteSpace(line[s - 1]) || char.IsWhiteSpace(line[s])))
            {
                return false;
            }
        }
        return true;
    }
}
