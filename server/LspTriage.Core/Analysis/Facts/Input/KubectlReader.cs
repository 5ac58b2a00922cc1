using System.Globalization;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Pod rows, container states and events from kubectl output, each tied to the clause that shows it.</summary>
internal static partial class KubectlReader
{
    [GeneratedRegex(@"^\s*(?<last>Last State|State):\s+(?<phase>Waiting|Terminated|Running)\b")]
    private static partial Regex StateHeader();

    [GeneratedRegex(@"^\s*Reason:\s+(?<reason>\w+)")]
    private static partial Regex ReasonLine();

    [GeneratedRegex(@"^\s*Exit Code:\s+(?<code>\d+)")]
    private static partial Regex ExitCodeLine();

    /// <summary>Inline forms: <c>lastState.terminated.reason=OOMKilled, exit code 137</c>, <c>"reason": "OOMKilled"</c>.</summary>
    [GeneratedRegex(@"(?<last>lastState)?[\w.]*?\breason""?\s*[=:]\s*""?(?<reason>OOMKilled|Error|ContainerCannotRun|StartError|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|CreateContainerError|Evicted|DeadlineExceeded)\b(?:[^\n]{0,40}?\bexit ?code""?\s*[=: ]\s*(?<code>\d+))?", RegexOptions.IgnoreCase)]
    private static partial Regex InlineState();

    [GeneratedRegex(@"^(?<n>\d+)")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\(x(?<n>\d+) over [^)]+\)")]
    private static partial Regex RepeatCount();

    public static List<PodRow> Pods(IReadOnlyList<ContextClause> clauses, ScannedLines lines)
    {
        var pods = new List<PodRow>();
        foreach (var c in clauses.Where(c => c.Source == FactSource.Table))
        {
            var cells = lines.Of(c).Cells;
            if (cells is null || !cells.TryGetValue("NAME", out var name) || !cells.TryGetValue("STATUS", out var status) || !cells.ContainsKey("READY"))
            {
                continue;
            }
            var restarts = cells.TryGetValue("RESTARTS", out var r) && LeadingNumber().Match(r) is { Success: true } n ? int.Parse(n.Value, CultureInfo.InvariantCulture) : 0;
            pods.Add(new PodRow(cells.GetValueOrDefault("NAMESPACE"), name, cells["READY"], status, restarts, c));
        }
        return pods;
    }

    public static List<ContainerState> States(IReadOnlyList<ContextClause> clauses, ScannedLines lines, IReadOnlyList<PodRow> pods)
    {
        var states = new List<ContainerState>();
        var last = false;
        var inState = false;
        foreach (var c in clauses)
        {
            if (c.Source == FactSource.Describe)
            {
                if (StateHeader().Match(c.Text) is { Success: true } h)
                {
                    inState = true;
                    last = h.Groups["last"].Value == "Last State";
                    continue;
                }
                if (inState && ReasonLine().Match(c.Text) is { Success: true } reason)
                {
                    states.Add(new ContainerState(lines.Of(c).Owner, reason.Groups["reason"].Value, null, last, c));
                    continue;
                }
                if (inState && ExitCodeLine().Match(c.Text) is { Success: true } code && states.Count > 0 && states[^1].ExitCode is null)
                {
                    states[^1] = states[^1] with { ExitCode = int.Parse(code.Groups["code"].Value, CultureInfo.InvariantCulture) };
                    continue;
                }
                if (!c.Text.StartsWith(' ') && c.Text.Contains(':', StringComparison.Ordinal) && !c.Text.TrimStart().StartsWith("Started", StringComparison.Ordinal) && !c.Text.TrimStart().StartsWith("Finished", StringComparison.Ordinal) && !c.Text.TrimStart().StartsWith("Message", StringComparison.Ordinal) && !c.Text.TrimStart().StartsWith("Signal", StringComparison.Ordinal))
                {
                    inState = false;
                }
                continue;
            }
            inState = false;
            if (c.Source is FactSource.Event or FactSource.Table)
            {
                continue;
            }
            foreach (Match m in InlineState().Matches(c.Text))
            {
                int? code = m.Groups["code"].Success ? int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture) : null;
                states.Add(new ContainerState(null, m.Groups["reason"].Value, code, m.Groups["last"].Success, c));
            }
        }
        foreach (var p in pods.Where(p => p.Status is not ("Running" or "Completed" or "Succeeded")))
        {
            states.Add(new ContainerState(p.Name, p.Status, null, false, p.Clause));
        }
        return states;
    }

    public static List<KubeEvent> Events(IReadOnlyList<ContextClause> clauses, ScannedLines lines)
    {
        var events = new List<KubeEvent>();
        foreach (var c in clauses.Where(c => c.Source == FactSource.Event))
        {
            var line = lines.Of(c);
            if (events.Count > 0 && lines.Of(events[^1].Clause) == line)
            {
                continue;
            }
            var cells = line.Cells;
            if (cells is null)
            {
                continue;
            }
            var reason = cells.GetValueOrDefault("REASON") ?? cells.GetValueOrDefault("Reason");
            var message = cells.GetValueOrDefault("MESSAGE") ?? cells.GetValueOrDefault("Message");
            if (reason is null || message is null)
            {
                continue;
            }
            var age = cells.GetValueOrDefault("Age") ?? cells.GetValueOrDefault("LAST SEEN") ?? "";
            var count = RepeatCount().Match(age + " " + message) is { Success: true } x ? int.Parse(x.Groups["n"].Value, CultureInfo.InvariantCulture)
                : cells.TryGetValue("COUNT", out var n) && int.TryParse(n, CultureInfo.InvariantCulture, out var cn) ? cn : 1;
            events.Add(new KubeEvent(cells.GetValueOrDefault("TYPE") ?? cells.GetValueOrDefault("Type") ?? "", reason, line.Owner, message, count, c));
        }
        return events;
    }
}
