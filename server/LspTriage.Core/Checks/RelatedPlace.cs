namespace LspTriage.Core.Checks;

/// <summary>
/// Another file a finding points at (LSP's relatedInformation, SARIF's relatedLocations): the past incident a repeat
/// incident repeats. <see cref="Line"/> is 0-based.
/// </summary>
public sealed record RelatedPlace(string Path, int Line, string Message);
