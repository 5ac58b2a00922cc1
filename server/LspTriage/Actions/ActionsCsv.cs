using System.Globalization;
using System.Text;
using LspTriage.Core.Actions;

namespace LspTriage.Cli.Actions;

/// <summary>RFC 4180 CSV. A cell that a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) starts with a quote mark.</summary>
internal static class ActionsCsv
{
    public static string Render(IReadOnlyList<OpenActionItem> items, Func<OpenActionItem, string> link)
    {
        var sb = new StringBuilder("file,line,incident,priority,owner,due,task,link\r\n");
        foreach (var i in items)
        {
            sb.AppendJoin(',', new[]
            {
                i.Path, i.Line.ToString(CultureInfo.InvariantCulture), i.Incident ?? "", i.Priority ?? "", i.Owner ?? "",
                i.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", i.Task, link(i),
            }.Select(Cell)).Append("\r\n");
        }
        return sb.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
