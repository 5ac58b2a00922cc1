using System.Text.RegularExpressions;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>
/// Open action items nobody can finish: vague ones ("improve monitoring", "be more careful"), and, under templates that
/// track their actions (Google's Bug column, Atlassian's and PagerDuty's ticket links), ones with neither a due date
/// nor a ticket.
/// </summary>
public sealed partial class VagueActionItemCheck : ICheck
{
    /// <summary>Marks the finding a quick fix can answer mechanically (add due/ticket placeholders); a vague item needs words.</summary>
    public const string UntrackedData = "untracked";

    public CheckRule Rule => Rules.VagueActionItem;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        if (document.Kind != DocumentKind.Postmortem)
        {
            yield break;
        }
        foreach (var item in document.ActionItems.Where(a => !a.IsDone))
        {
            var span = ActionItemSpans.FirstLine(document, item);
            if (Vague().Match(item.Text) is { Success: true } vague)
            {
                yield return Rule.At(span, $"\"{vague.Value.Trim()}\" is not an action anyone can finish: say what changes, where, and how you will know it is done.");
            }
            else if (document.Template.ExpectsTracking && !IsTracked(document, item))
            {
                yield return Rule.At(span, "Action item has neither a due date nor a ticket link.") with { Data = UntrackedData };
            }
        }
    }

    private static bool IsTracked(IncidentDocument document, ActionItem item)
    {
        var row = document.TextOf(item.Span);
        return Tracking().IsMatch(row) || (item.Cells?.Ticket is { } ticket && document.TextOf(ticket).Trim() is { Length: > 0 } t && t is not ("-" or "n/a"));
    }

    [GeneratedRegex(@"\b(?:be more careful|be careful|pay (?:more )?attention|try harder|be more vigilant|more vigilance|(?:improve|better|enhance|increase|more)\s+(?:our\s+)?(?:monitoring|alerting|testing|observability|communication|documentation|processe?s?)(?=\s*(?:$|[.—–-])))", RegexOptions.IgnoreCase)]
    private static partial Regex Vague();

    /// <summary>A date, a link, a tracker key (ABC-123) or an issue number (#123).</summary>
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|https?://|\b[A-Z][A-Z0-9]+-\d+\b|(?<![\w&])#\d+\b|\bdue\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tracking();
}
