namespace LspTriage.Core.Timelines;

/// <summary>The moments incident metrics are measured between, in the order they happen.</summary>
public enum IncidentMoment
{
    /// <summary>Impact starts: the first error, failure or customer effect.</summary>
    Onset,

    /// <summary>Someone or something notices: an alert fires, a page, a report.</summary>
    Detection,

    /// <summary>The impact is stopped or reduced: rollback, flag off, failover, rate limit, restart.</summary>
    Mitigation,

    /// <summary>Service is back to normal.</summary>
    Resolution,
}
