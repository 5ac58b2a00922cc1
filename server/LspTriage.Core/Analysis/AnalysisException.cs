namespace LspTriage.Core.Analysis;

/// <summary>An analysis that could not complete, with a message fit to show the user (never containing secrets).</summary>
public sealed class AnalysisException : Exception
{
    public AnalysisException(string message, AnalysisFailure failure, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public AnalysisFailure Failure { get; }
}
