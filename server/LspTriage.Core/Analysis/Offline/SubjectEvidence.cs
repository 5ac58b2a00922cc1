using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Signatures;

namespace LspTriage.Core.Analysis.Offline;

/// <summary>
/// The most telling observations about the subject, as short phrases for summaries and the fallback hypothesis:
/// a container's terminal reason, the loudest warning event, the most specific error line. Each keeps its clause.
/// </summary>
internal static partial class SubjectEvidence
{
    /// <summary>A pod status or container reason that ends or blocks the container (not Running, not Completed).</summary>
    public static ContainerState? Terminal(ContextFacts f) =>
        f.States.Where(s => s.Clause.Relevance != Relevance.Elsewhere && s.Reason is not ("Running" or "Completed" or "Error" or "Terminating"))
            .OrderByDescending(s => s.Clause.Relevance)
            .ThenByDescending(s => s.Reason is "OOMKilled" or "StartError" or "CreateContainerConfigError" or "ImagePullBackOff" or "ErrImagePull" or "Evicted")
            .ThenByDescending(s => s.IsLastState)
            .FirstOrDefault();

    /// <summary>The warning event about the subject repeated most often.</summary>
    public static KubeEvent? LoudestWarning(ContextFacts f) =>
        f.Events.Where(e => e.Type == "Warning" && e.Clause.Relevance != Relevance.Elsewhere && e.Reason is not "BackOff")
            .OrderByDescending(e => e.Clause.Relevance)
            .ThenByDescending(e => e.Count)
            .FirstOrDefault()
        ?? f.Events.Where(e => e.Type == "Warning" && e.Clause.Relevance != Relevance.Elsewhere).OrderByDescending(e => e.Count).FirstOrDefault();

    /// <summary>
    /// The most specific error about the subject: an error line or exception that is not the tooling's, preferring the
    /// subject's, then the longest message (a full driver error says more than "export aborted").
    /// </summary>
    public static LogError? MostSpecificError(ContextFacts f) =>
        f.Errors.Where(e => e.Clause.Relevance is not (Relevance.Tooling or Relevance.Elsewhere))
            .OrderBy(e => e.IsWarning)
            .ThenByDescending(e => e.Clause.Relevance)
            .ThenByDescending(e => Math.Min(e.Clause.Count, 5))
            .ThenByDescending(e => Math.Min(e.Message.Length, 140))
            .FirstOrDefault();

    /// <summary>"`message`" cut to a readable length, verbatim.</summary>
    public static string Code(string message) => "`" + Quote.Around(Spaces().Replace(message.Replace('`', '\''), " "), 0) + "`";

    [System.Text.RegularExpressions.GeneratedRegex(@"\s{2,}")]
    private static partial System.Text.RegularExpressions.Regex Spaces();
}
