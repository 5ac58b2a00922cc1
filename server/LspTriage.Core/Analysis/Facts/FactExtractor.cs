using System.Globalization;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Reads timestamps, metric changes, deploys, ruled-out causes and error messages from free text. Pure and fast.</summary>
public static partial class FactExtractor
{
    [GeneratedRegex(@"(?<![\d:.])(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?::[0-5]\d)?(?!\d)")]
    internal static partial Regex TimeOfDay();

    [GeneratedRegex(@"^\s*(time|start(ed)?|onset|detected|began|开始时间|时间|发生时间)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex OnsetHeader();

    [GeneratedRegex(@"\b(rolled back|rollback (to|of)|roll(ed)? back to|restarted|scaled (up|out)|failover|failed over|mitigated|resolved|recovered|disabled the|disabled|paused the|paused|killed|terminated|drained|cordoned|cancel+ed|skipped|re-?created|raised|fallback|truncated|failed back)\b|回滚|重启|扩容|恢复|已修复|取消|终止|摘除|切换|预热", RegexOptions.IgnoreCase)]
    private static partial Regex MitigationWords();

    [GeneratedRegex(@"\b(deploy(ed|ment|s)?|shipped|released?|rolled out|rollout|roll-out|upgraded?|migration|merged|config(uration)? (push|pushed|change|changed|update|updated)|feature flag|flag \S+ (enabled|flipped|turned on)|pushed|canary)\b|发布|上线|变更|部署|推送", RegexOptions.IgnoreCase)]
    internal static partial Regex ChangeWords();

    [GeneratedRegex(@"\b(config(uration)?|feature flag|flag|configmap|consul|etcd|settings?)\b|配置", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigWords();

    [GeneratedRegex(@"\b(pager|paged|alert|alerts|pagerduty|opsgenie|fired)\b|告警|报警", RegexOptions.IgnoreCase)]
    private static partial Regex AlertWords();

    [GeneratedRegex(@"\b(customers? (report\w*|complain\w*|see|saw|cannot|can't|are (seeing|reporting|unable)|not receiving)|CS reports?|support( tickets?)?:|support tickets?|users? report(s|ed)?|complain\w*)|用户反馈|用户投诉|客服|客户反馈", RegexOptions.IgnoreCase)]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"\b(latency|errors?|5\d\d|5xx|timeouts?|timed out|fail\w*|down|unavailable|spike\w*|jump\w*|climb\w*|drop\w*|degrad\w*|OOM\w*|crash\w*|lag|backlog|exception|empty|returns no|no results|spins|gaps?|missing|stopped|stops|stall\w*)\b|延迟|错误|失败|超时|不可用|报错", RegexOptions.IgnoreCase)]
    private static partial Regex SymptomWords();

    [GeneratedRegex(@"\bv\d+(\.\d+)+\b|(?<=\bversion\s)\d+(\.\d+)+\b|(?<![\w.])\d+\.\d+\.\d+(?![\w.])", RegexOptions.IgnoreCase)]
    internal static partial Regex Version();

    [GeneratedRegex(@"\G\s*(([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?\s*(UTC|GMT|Z)?\s*([+-]\d{1,2}(:?\d\d)?)?)?\s*[—–-]*\s*")]
    private static partial Regex LeadingTimeOrDash();

    [GeneratedRegex(@"from\s+(?<from>~?\d[\d.,]*\s?(%|ms|s|sec|m|min|h|k|K|M|GB|MB|KB|rps|req/s|qps)?)\s+to\s+(?<to>~?\d[\d.,]*\s?(%|ms|s|sec|m|min|h|k|K|M|GB|MB|KB|rps|req/s|qps)?)(?!\w|\.\d)|从\s*(?<from>~?\d[\d.,]*\s?(%|ms|s|m|min|GB|MB|k|K|M)?)\s*(上升|升|涨|增加|增长|下降|降|跌)?(到|至)\s*(?<to>~?\d[\d.,]*\s?(%|ms|s|m|min|GB|MB|k|K|M)?)", RegexOptions.IgnoreCase)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"(?<![\d.])(?<a>\d+)\s*/\s*(?<b>\d+)(?![\d.])")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"""(?<q>[^""\n]{4,200})""|“(?<q>[^”\n]{4,200})”|(?<![\w])'(?<q>[^'\n]{4,200})'(?![\w])")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(ERROR|FATAL|PANIC|panic:|Exception|Traceback|CRITICAL|E\d{4})\b")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(\.\d+)?)\s?%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\b(error|errors|5xx|5\d\d|failure|failed|fail rate|error rate|success rate)\b|错误率|失败率|报错", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorRateWords();

    [GeneratedRegex(@"\b(unaffected|not affected|still (works|work|completes|succeeds|loads)|(are|is) (normal|unaffected)|only (for|on|in|from) )|未受影响|不受影响|仍可|正常下单", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeWords();

    [GeneratedRegex(@"^\s*(to|→|->|=>|到|至|升到|降到|上升到|下降到)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Transition();

    [GeneratedRegex(@"\b(unchanged|steady|as usual)\b|不变|无变化", RegexOptions.IgnoreCase)]
    private static partial Regex Unchanged();

    [GeneratedRegex(@"mis-?diagnos\w*|misdiagnos\w*|turned out|was wrong|incorrect|误判", RegexOptions.IgnoreCase)]
    private static partial Regex Retracted();

    [GeneratedRegex(@"\bno\s+(recent\s+)?(?<what>[\w/ -]{0,30}?)\s*(changes?|deploys?|deployments?|releases?)\b|没有(?<what>\S{0,6}?)(变更|发布)|无(?<what>\S{0,6}?)(变更|发布)", RegexOptions.IgnoreCase)]
    private static partial Regex NoChanges();

    [GeneratedRegex(@"\bCPU\b[^\n]{0,40}?\b(normal|fine|ok|healthy|flat|low)\b|CPU[^\n]{0,20}正常", RegexOptions.IgnoreCase)]
    private static partial Regex CpuNormal();

    [GeneratedRegex(@"\b(memory|heap|RSS)\b[^\n]{0,40}?\b(normal|fine|ok|flat|stable|healthy)\b|内存[^\n]{0,20}正常", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryNormal();

    [GeneratedRegex(@"\bdisk\b[^\n]{0,40}?\b(normal|fine|ok|flat|healthy)\b|磁盘[^\n]{0,20}正常", RegexOptions.IgnoreCase)]
    private static partial Regex DiskNormal();

    [GeneratedRegex(@"\bno\s+(traffic|load|request)\s+(spike|increase|surge|change)|\b(traffic|request rate|RPS|QPS|load)\b[^\n]{0,40}?\b(normal|flat|unchanged|steady|stable|as usual)\b|流量[^\n]{0,10}(正常|平稳|无明显变化)", RegexOptions.IgnoreCase)]
    private static partial Regex TrafficNormal();

    [GeneratedRegex(@"\bDNS\b[^\n]{0,40}?\b(normal|fine|ok|healthy|resolv\w+ (fine|correctly))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DnsNormal();

    [GeneratedRegex(@"\b(network|packet loss)\b[^\n]{0,40}?\b(normal|fine|ok|healthy|none)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkNormal();

    public static ContextFacts Extract(string raw, string? title = null, string? service = null)
    {
        var clauses = SplitClauses(raw);
        var events = new List<TimedEvent>();
        int? headerOnset = null;
        foreach (var c in clauses)
        {
            if (c.Minute is not { } minute)
            {
                continue;
            }
            var kind = Classify(c.Text);
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
            var symptomatic = events.Where(e => e.Kind is EventKind.Symptom or EventKind.Alert or EventKind.CustomerReport).ToList();
            if (symptomatic.Count > 0)
            {
                onset = symptomatic.Min(e => e.Minute);
            }
        }

        // A mitigation word before the onset is a change (e.g. "disabled the old endpoint" in deploy notes).
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == EventKind.Mitigation && onset is { } o && events[i].Minute < o && ChangeWords().IsMatch(events[i].Clause.Text))
            {
                events[i] = events[i] with { Kind = EventKind.Change };
            }
        }
        events.Sort((a, b) => a.Minute != b.Minute ? a.Minute.CompareTo(b.Minute) : a.Clause.Start.CompareTo(b.Clause.Start));

        var changes = new List<ChangeEvent>();
        foreach (var c in clauses)
        {
            var kind = Classify(c.Text);
            if (kind != EventKind.Change && !(kind == EventKind.Mitigation && c.Minute is { } m0 && onset is { } o0 && m0 < o0))
            {
                continue;
            }
            if (NoChanges().IsMatch(c.Text))
            {
                continue;
            }
            var version = Version().Match(c.Text) is { Success: true } v ? v.Value : null;
            int? before = c.Minute is { } m && onset is { } o ? o - m : null;
            changes.Add(new ChangeEvent(c, c.Minute, version, ConfigWords().IsMatch(c.Text), before));
        }

        var metricChanges = new List<MetricChange>();
        foreach (var c in clauses)
        {
            foreach (Match m in FromTo().Matches(c.Text))
            {
                var metricStart = MetricStart(c.Text, m.Index);
                var lead = LeadingTimeOrDash().Match(c.Text, metricStart);
                if (lead.Success && lead.Index == metricStart && lead.Length > 0 && metricStart + lead.Length <= m.Index)
                {
                    metricStart += lead.Length;
                }
                var quote = c.Text[metricStart..(m.Index + m.Length)].Trim();
                var metric = c.Text[metricStart..m.Index].Trim();
                metricChanges.Add(new MetricChange(metric, m.Groups["from"].Value.Trim(), m.Groups["to"].Value.Trim(), quote, c));
            }
        }

        var saturations = clauses.Where(c => Ratio().Matches(c.Text).Any(m => m.Groups["a"].Value == m.Groups["b"].Value && m.Groups["a"].Value != "0" && m.Groups["a"].Value != "1")).ToList();

        var errorQuotes = new List<string>();
        foreach (Match m in Quoted().Matches(raw))
        {
            var q = m.Groups["q"].Value;
            if (!errorQuotes.Contains(q))
            {
                errorQuotes.Add(q);
            }
        }
        foreach (var c in clauses.Where(c => ErrorLine().IsMatch(c.Text)).Take(50))
        {
            if (!errorQuotes.Any(q => c.Text.Contains(q, StringComparison.Ordinal)))
            {
                errorQuotes.Add(c.Text);
            }
        }

        double? errorRate = null;
        string? errorRateText = null;
        foreach (var c in clauses.Where(c => ErrorRateWords().IsMatch(c.Text) && !Unchanged().IsMatch(c.Text)))
        {
            foreach (Match p in Percent().Matches(c.Text))
            {
                // The percentage must belong to an error word just before it ("5xx rate 22%"), not to "CPU 97%".
                var window = c.Text[Math.Max(0, p.Index - 40)..p.Index];
                var lastPercent = window.LastIndexOf('%');
                var own = lastPercent >= 0 ? window[(lastPercent + 1)..] : window;
                if (!ErrorRateWords().IsMatch(Transition().IsMatch(own) ? window : own))
                {
                    continue;
                }
                if (double.TryParse(p.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v <= 100 && (errorRate is null || v > errorRate))
                {
                    if (Regex.IsMatch(c.Text, @"success rate|成功率", RegexOptions.IgnoreCase))
                    {
                        continue;
                    }
                    errorRate = v;
                    errorRateText = p.Value;
                }
            }
        }

        var zone = ZoneOf(raw);
        for (var i = 0; i < changes.Count; i++)
        {
            changes[i] = changes[i] with { ZoneSuffix = zone is null ? "" : " " + zone };
        }
        return new ContextFacts(raw, title, service ?? GuessService(raw), clauses, events, onset, metricChanges, changes,
            RuledOutCauses(clauses), saturations, errorQuotes, errorRate, errorRateText)
        {
            Scope = clauses.Where(c => ScopeWords().IsMatch(c.Text) && !Retracted().IsMatch(c.Text)).ToList(),
            Zone = zone,
            Services = ServiceNames().Matches(raw).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(20).ToList(),
            Dependencies = DependencyArrow().Matches(raw).Select(m => (m.Groups["from"].Value, m.Groups["to"].Value)).Distinct().Take(20).ToList(),
        };
    }

    [GeneratedRegex(@"\b(deploy(ment)?|change|release)s? (history|log)\b:?", RegexOptions.IgnoreCase)]
    private static partial Regex SectionLabel();

    [GeneratedRegex(@"(?<![A-Za-z])(?<z>UTC|GMT)(?<o>\s?[+-]\s?\d{1,2}(:?\d\d)?)?(?![A-Za-z])|(?<=\d:\d\d(:\d\d(\.\d+)?)?)(?<zulu>Z)(?![A-Za-z])")]
    private static partial Regex ZoneRegex();

    private static string? ZoneOf(string raw)
    {
        var m = ZoneRegex().Match(raw);
        if (!m.Success)
        {
            return null;
        }
        return m.Groups["zulu"].Success ? "UTC" : m.Groups["z"].Value + m.Groups["o"].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(lag|duration|elapsed|uptime|took|age|notBefore|notAfter|valid|expires?)\W{0,3}$|=\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationLead();

    /// <summary>"replay_lag 00:02:41" or "notAfter=Feb  1 00:00:00 2026" read like times of day but are not events.</summary>
    private static bool IsDurationOrValidity(string text, Match m)
    {
        var before = text[Math.Max(0, m.Index - 24)..m.Index];
        var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 6)];
        // "00:02:41" with seconds and no zone is a length of time, not a moment.
        var zeroHourSpan = m.Value.Count(c => c == ':') == 2 && m.Groups["h"].Value is "00" or "0" && !Regex.IsMatch(after, @"^\s?(Z|UTC|GMT|[+-]\d)");
        return zeroHourSpan || DurationLead().IsMatch(before) || Regex.IsMatch(before, @"(notBefore|notAfter)=\w{3}\s+\d{1,2}\s+$");
    }

    internal static EventKind Classify(string text)
    {
        text = SectionLabel().Replace(text, " ");
        if (MitigationWords().IsMatch(text))
        {
            return EventKind.Mitigation;
        }
        if (ChangeWords().IsMatch(text) && !NoChanges().IsMatch(text))
        {
            return EventKind.Change;
        }
        if (AlertWords().IsMatch(text))
        {
            return EventKind.Alert;
        }
        if (ReportWords().IsMatch(text))
        {
            return EventKind.CustomerReport;
        }
        return SymptomWords().IsMatch(text) ? EventKind.Symptom : EventKind.Note;
    }

    private static IReadOnlyList<RuledOutCause> RuledOutCauses(IReadOnlyList<ContextClause> clauses)
    {
        var result = new List<RuledOutCause>();
        foreach (var c in clauses)
        {
            if (Retracted().IsMatch(c.Text))
            {
                continue;
            }
            void Add(string topic)
            {
                if (!result.Any(r => r.Topic == topic && r.Clause == c))
                {
                    result.Add(new RuledOutCause(topic, c));
                }
            }
            if (CpuNormal().IsMatch(c.Text) || (c.Text.Contains("CPU", StringComparison.OrdinalIgnoreCase) && c.Text.Contains("(normal)", StringComparison.OrdinalIgnoreCase)))
            {
                Add("cpu");
            }
            if (MemoryNormal().IsMatch(c.Text))
            {
                Add("memory");
            }
            if (DiskNormal().IsMatch(c.Text))
            {
                Add("disk");
            }
            if (TrafficNormal().IsMatch(c.Text))
            {
                Add("traffic");
            }
            if (DnsNormal().IsMatch(c.Text))
            {
                Add("dns");
            }
            if (NetworkNormal().IsMatch(c.Text))
            {
                Add("network");
            }
            foreach (Match m in NoChanges().Matches(c.Text))
            {
                var what = m.Groups["what"].Value.ToLowerInvariant();
                var any = false;
                if (what.Contains("infra") || what.Contains("基础"))
                {
                    Add("infra");
                    any = true;
                }
                if (what.Contains("db") || what.Contains("database") || what.Contains("数据库"))
                {
                    Add("db");
                    any = true;
                }
                if (what.Contains("config") || what.Contains("配置"))
                {
                    Add("config");
                    any = true;
                }
                if (!any || what.Contains("code") || what.Contains("app") || what.Contains("代码"))
                {
                    Add("deploy");
                }
            }
        }
        return result;
    }

    private static int MetricStart(string text, int fromIndex)
    {
        // Up to five words before "from", stopping at punctuation that ends a statement.
        var i = fromIndex;
        var words = 0;
        while (i > 0 && words < 6)
        {
            var ch = text[i - 1];
            var timeColon = ch == ':' && i < text.Length && char.IsDigit(text[i]) && i >= 2 && char.IsDigit(text[i - 2]);
            if ((ch is ',' or ';' or ':' or '(' or '，' or '；' or '：' && !timeColon) || (ch == '.' && (i < 2 || !char.IsDigit(text[i - 2]))))
            {
                break;
            }
            if (ch == ' ' && i - 2 >= 0 && text[i - 2] != ' ')
            {
                words++;
            }
            i--;
        }
        while (i < fromIndex && text[i] == ' ')
        {
            i++;
        }
        return i;
    }

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(-[a-z0-9]+)*-(svc|service|api|gateway|worker|web|app)\b")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"(?<![\w.-])[a-z][a-z0-9]*(-[a-z0-9]+)*-(svc|service|api|gateway|worker|web|app|db|primary|replica|cluster|cache|broker|proxy)(?![\w-])")]
    private static partial Regex ServiceNames();

    [GeneratedRegex(@"(?<from>[a-z][\w.-]*[a-z0-9])\s*(→|->|=>)\s*(?<to>[a-z][\w.-]*[a-z0-9])")]
    private static partial Regex DependencyArrow();

    private static string? GuessService(string raw) => ServiceName().Match(raw) is { Success: true } m ? m.Value : null;

    /// <summary>Splits into lines, then long lines into sentences and " - " list items, outside quotes and parentheses.</summary>
    public static IReadOnlyList<ContextClause> SplitClauses(string raw)
    {
        var result = new List<ContextClause>();
        var lineStart = 0;
        while (lineStart <= raw.Length)
        {
            var nl = raw.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? raw.Length : nl;
            SplitLine(raw, lineStart, lineEnd, result);
            if (nl < 0)
            {
                break;
            }
            lineStart = nl + 1;
        }
        return result;
    }

    private static void SplitLine(string raw, int start, int end, List<ContextClause> result)
    {
        var pieceStart = start;
        var depth = 0;
        var inQuote = false;
        for (var i = start; i < end; i++)
        {
            var ch = raw[i];
            if (ch == '"')
            {
                inQuote = !inQuote;
            }
            else if (ch is '(' or '（')
            {
                depth++;
            }
            else if (ch is ')' or '）')
            {
                depth = Math.Max(0, depth - 1);
            }
            if (inQuote || depth > 0)
            {
                continue;
            }
            var cut = -1;
            var skip = 0;
            if (ch == '.' && i + 1 < end && raw[i + 1] == ' ' && i > start)
            {
                cut = i;
                skip = 2;
            }
            else if (ch is '。' or '；')
            {
                cut = i;
                skip = 1;
            }
            else if (ch == ' ' && i + 2 < end && raw[i + 1] == '-' && raw[i + 2] == ' ' && i > pieceStart)
            {
                cut = i;
                skip = 3;
            }
            if (cut >= 0)
            {
                AddPiece(raw, pieceStart, cut, result);
                pieceStart = cut + skip;
                i = pieceStart - 1;
            }
        }
        AddPiece(raw, pieceStart, end, result);
    }

    private static void AddPiece(string raw, int start, int end, List<ContextClause> result)
    {
        while (start < end && (char.IsWhiteSpace(raw[start]) || raw[start] is '-' or '*' or '•' or '>' or '|'))
        {
            start++;
        }
        while (end > start && (char.IsWhiteSpace(raw[end - 1]) || raw[end - 1] is '|'))
        {
            end--;
        }
        if (end - start < 2)
        {
            return;
        }
        var text = raw[start..end];
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            return;
        }
        var t = TimeOfDay().Matches(text).FirstOrDefault(m => !IsDurationOrValidity(text, m)) ?? Match.Empty;
        int? minute = t.Success ? int.Parse(t.Groups["h"].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(t.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        result.Add(new ContextClause(result.Count, start, text) { Minute = minute, TimeText = t.Success ? t.Value : null });
    }
}
