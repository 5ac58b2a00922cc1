namespace LspTriage.Core.Analysis;

/// <summary>Why an analysis failed; the CLI maps all of them to exit code 1, the server to a message and no edit.</summary>
public enum AnalysisFailure
{
    NoRawContext,
    MissingApiKey,
    EndpointUnreachable,
    Timeout,
    HttpError,
    InvalidOutput,
    TruncatedOutput,
}
