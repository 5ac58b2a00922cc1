using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// Reads the raw context into facts: first what printed each line (<see cref="LineScanner"/>), the alerts and the
/// subject, then clauses without boilerplate and with repeats folded, then times, changes, metrics and tool facts.
/// Pure and fast.
/// </summary>
public static partial class FactExtractor
{
    [GeneratedRegex(@"^\s*(time|start(ed)?|onset|detected|began|开始时间|时间|发生时间)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex OnsetHeader();

    [GeneratedRegex(@"""(?<q>[^""\n]{4,200})""|“(?<q>[^”\n]{4,200})”|(?<![\w])'(?<q>[^'\n]{4,200})'(?![\w])")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(ERROR|FATAL|PANIC|panic:|Exception|Traceback|CRITICAL|E\d{4})\b")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\b(unaffected|not affected|still (works|work|completes|succeeds|loads)|(are|is) (normal|unaffected)|only (for|on|in|from) )|未受影响|不受影响|仍可|正常下单", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeWords();

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(-[a-z0-9]+)*-(svc|service|api|gateway|worker|web|app)\b")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"(?<![\w.-])[a-z][a-z0-9]*(-[a-z0-9]+)*-(svc|service|api|gateway|worker|web|app|db|primary|replica|cluster|cache|broker|proxy)(?![\w-])")]
    private static partial Regex ServiceNames();

    [GeneratedRegex(@"(?<from>[a-z][\w.-]*[a-z0-9])\s*(→|->|=>)\s*(?<to>[a-z][\w.-]*[a-z0-9])")]
    private static partial Regex DependencyArrow();

    internal static Regex Version() => VersionRegex();

    [GeneratedRegex(@"\bv\d+(\.\d+)+\b|(?<=\bversion\s)\d+(\.\d+)+\b|(?<![\w.])\d+\.\d+\.\d+(?![\w.])", RegexOptions.IgnoreCase)]
    private static partial Regex VersionRegex();

    public static ContextFacts Extract(string raw, string? title = null, string? service = null)
    {
        var lines = LineScanner.Scan(raw);
        var alerts = AlertReader.Read(raw, lines);
        var tagged = new List<ContextClause>();
        foreach (var c in ClauseSplitter.Split(raw, start => lines.Of(start).Source is FactSource.Prose or FactSource.Chat))
        {
            var line = lines.Of(c);
            if (!line.IsBoilerplate)
            {
                tagged.Add(c with { Source = line.Source });
            }
        }
        var described = lines.All.Where(l => l.Source == FactSource.Describe && l.Owner is not null)
            .GroupBy(l => l.Owner!, StringComparer.Ordinal).Select(g => (g.Key, g.Select(l => l.Namespace).FirstOrDefault(n => n is not null))).ToList();
        var failing = lines.All.Where(l => l.Cells is { } cells && cells.TryGetValue("STATUS", out var st) && cells.ContainsKey("READY") && st is not ("Running" or "Completed" or "Succeeded") && cells.ContainsKey("NAME"))
            .Select(l => l.Cells!["NAME"]).ToList();
        var subject = SubjectFinder.Find(title, service, alerts, described, failing, raw);
        var clauses = RelevanceTagger.Tag(RepeatFolder.Fold(tagged), lines, subject);

        var events = new List<TimedEvent>();
        int? headerOnset = null;
        foreach (var c in clauses)
        {
            if (c.Minute is not { } minute)
            {
                continue;
            }
            var kind = EventClassifier.Classify(c.Text, c.Source);
            if (OnsetHeader().IsMatch(c.Text) && kind is EventKind.Note)
            {
                kind = EventKind.Symptom;
                headerOnset ??= minute;
            }
            events.Add(new TimedEvent(minute, c.TimeText!, kind, c));
        }

        int? onset = headerOnset;
        if (onset is null)
        {
            var symptomatic = events.Where(e => e.Kind is EventKind.Symptom or EventKind.Alert or EventKind.CustomerReport && e.Clause.Relevance != Relevance.Tooling).ToList();
            if (symptomatic.Count > 0)
            {
                onset = symptomatic.Min(e => e.Minute);
            }
        }

        // A mitigation word before the onset is a change (e.g. "disabled the old endpoint" in deploy notes).
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == EventKind.Mitigation && onset is { } o && events[i].Minute < o && EventClassifier.ChangeWords().IsMatch(events[i].Clause.Text))
            {
                events[i] = events[i] with { Kind = EventKind.Change };
            }
        }
        events.Sort((a, b) => a.Minute != b.Minute ? a.Minute.CompareTo(b.Minute) : a.Clause.Start.CompareTo(b.Clause.Start));

        var zone = TimeReader.ZoneOf(raw);
        var changes = new List<ChangeEvent>();
        foreach (var c in clauses)
        {
            var kind = EventClassifier.Classify(c.Text, c.Source);
            if (kind != EventKind.Change && !(kind == EventKind.Mitigation && c.Minute is { } m0 && onset is { } o0 && m0 < o0))
            {
                continue;
            }
            if (EventClassifier.NoChanges().IsMatch(c.Text))
            {
                continue;
            }
            var version = Version().Match(c.Text) is { Success: true } v ? v.Value : null;
            int? before = c.Minute is { } m && onset is { } o ? o - m : null;
            changes.Add(new ChangeEvent(c, c.Minute, version, EventClassifier.ConfigWords().IsMatch(c.Text), before) { ZoneSuffix = zone is null ? "" : " " + zone });
        }

        var (errorRate, errorRateText) = MetricReader.ErrorRate(clauses);
        var pods = KubectlReader.Pods(clauses, lines);
        return new ContextFacts(raw, title, service ?? subject.Primary ?? GuessService(raw), clauses, events, onset, MetricReader.Changes(clauses), changes,
            RuledOutReader.Read(clauses), MetricReader.Saturations(clauses), ErrorQuotes(raw, clauses), errorRate, errorRateText)
        {
            Scope = clauses.Where(c => c.Source is FactSource.Prose or FactSource.Chat && ScopeWords().IsMatch(c.Text) && !RuledOutReader.Retracted().IsMatch(c.Text)).ToList(),
            Zone = zone,
            Services = ServiceNames().Matches(raw).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(20).ToList(),
            Dependencies = DependencyArrow().Matches(raw).Select(m => (m.Groups["from"].Value, m.Groups["to"].Value)).Distinct().Take(20).ToList(),
            Subject = subject,
            Alerts = alerts,
            Pods = pods,
            States = KubectlReader.States(clauses, lines, pods),
            Events = KubectlReader.Events(clauses, lines),
            Errors = LogReader.Errors(clauses),
            Spans = TraceReader.Spans(clauses),
            Forms = clauses.Select(c => c.Source).Distinct().Order().ToList(),
        };
    }

    /// <summary>Quoted messages people wrote, then error lines; JSON keys and values and table cells are not quotes.</summary>
    private static List<string> ErrorQuotes(string raw, IReadOnlyList<ContextClause> clauses)
    {
        var quotes = new List<string>();
        foreach (var c in clauses.Where(c => c.Source is FactSource.Prose or FactSource.Chat))
        {
            foreach (Match m in Quoted().Matches(c.Text))
            {
                var q = m.Groups["q"].Value;
                if (!quotes.Contains(q))
                {
                    quotes.Add(q);
                }
            }
        }
        foreach (var c in clauses.Where(c => c.Source is not (FactSource.Table or FactSource.Alert) && ErrorLine().IsMatch(c.Text)).Take(50))
        {
            if (!quotes.Any(q => c.Text.Contains(q, StringComparison.Ordinal)))
            {
                quotes.Add(c.Text);
            }
        }
        return quotes;
    }

    internal static EventKind Classify(string text) => EventClassifier.Classify(text);

    private static string? GuessService(string raw) => ServiceName().Match(raw) is { Success: true } m ? m.Value : null;

    /// <summary>Splits into lines, then long lines into sentences and " - " list items, outside quotes and parentheses.</summary>
    public static IReadOnlyList<ContextClause> SplitClauses(string raw) => ClauseSplitter.Split(raw);
}
