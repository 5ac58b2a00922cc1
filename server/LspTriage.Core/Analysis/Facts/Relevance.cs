namespace LspTriage.Core.Analysis.Facts;

/// <summary>How a clause relates to the incident's subject: its own evidence outweighs other pods' and the tooling's.</summary>
public enum Relevance
{
    /// <summary>The investigation tooling's own errors (a dashboard query that cannot resolve its host).</summary>
    Tooling,

    /// <summary>Another pod, namespace or object than the one alerted on.</summary>
    Elsewhere,

    /// <summary>Not known to be about anything in particular (most prose).</summary>
    Neutral,

    /// <summary>Names the alerted resource or the incident's service.</summary>
    Subject,
}
