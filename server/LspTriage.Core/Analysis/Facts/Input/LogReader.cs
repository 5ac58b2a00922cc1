using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Error-level log lines (plain, JSON, logfmt, exception headers) with their verbatim message.</summary>
internal static partial class LogReader
{
    [GeneratedRegex(@"""(level|severity|lvl)""\s*:\s*""(?<lvl>[A-Za-z]+)""|\b(level|lvl|severity)=""?(?<lvl>[A-Za-z]+)|^\[?(?<lvl>ERROR|FATAL|CRITICAL|PANIC|panic|WARN|WARNING|INFO|DEBUG)\b|\s\[?(?<lvl>ERROR|FATAL|CRITICAL|WARN|INFO|DEBUG)\]?[\s:]|^(?<lvl>[EF])\d{4} ")]
    private static partial Regex Level();

    [GeneratedRegex(@"""(msg|message|error|err|panic)""\s*:\s*""(?<m>(?:[^""\\]|\\.){3,})""|\b(msg|error|err)=""(?<m>(?:[^""\\]|\\.){3,})""|\b(msg|error|err)=(?<m>[^\s""]{3,})")]
    private static partial Regex MessageField();

    [GeneratedRegex(@"^(Traceback|Exception in thread|panic:|Caused by:)|^[\w.]+(Exception|Error)(: |$)|\b(Unhandled|uncaught) (exception|rejection)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExceptionHeader();

    /// <summary>What logback/Spring print before the message: "1 --- [nio-8080-exec-1] o.h.e.j.s.SqlExceptionHelper   : ".</summary>
    [GeneratedRegex(@"^(\d+\s+---\s+)?(\[[^\]]*\]\s+)?[\w$]+\.[\w$.\[\]/]+\s+[:-]\s+|^\d+\s+---\s+\[[^\]]*\]\s+")]
    private static partial Regex LoggerPrefix();

    public static List<LogError> Errors(IReadOnlyList<ContextClause> clauses)
    {
        var errors = new List<LogError>();
        foreach (var c in clauses.Where(c => c.Source is FactSource.Log or FactSource.Prose))
        {
            var level = Level().Match(c.Text);
            var lvl = level.Success ? level.Groups["lvl"].Value.ToUpperInvariant() : "";
            var isError = lvl is "ERROR" or "ERR" or "FATAL" or "CRITICAL" or "PANIC" or "E" or "F" or "CRIT" or "ALERT" or "EMERG"
                || (c.Source == FactSource.Log && lvl.Length == 0 && ExceptionHeader().IsMatch(c.Text.TrimStart()));
            var isWarning = lvl is "WARN" or "WARNING" or "W";
            if (!(isError || isWarning) || (c.Source == FactSource.Prose && !level.Success))
            {
                continue;
            }
            var m = MessageField().Match(c.Text);
            var message = m.Success ? m.Groups["m"].Value : level.Success && level.Index + level.Length < c.Text.Length ? c.Text[(level.Index + level.Length)..].Trim(' ', ':', ']', '-') : c.Text;
            if (!m.Success && LoggerPrefix().Match(message) is { Success: true, Length: > 0 } prefix && prefix.Length < message.Length - 3)
            {
                message = message[prefix.Length..];
            }
            errors.Add(new LogError(message.Length >= 3 ? message : c.Text, c) { IsWarning = !isError });
        }
        return errors;
    }
}
