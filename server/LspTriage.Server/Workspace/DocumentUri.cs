namespace LspTriage.Server.Workspace;

/// <summary>file:// URIs to paths and back, as VS Code writes them (percent-encoded, lower-case drive letters allowed).</summary>
internal static class DocumentUri
{
    public static string? ToPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }
        return parsed.LocalPath;
    }

    /// <summary>The path used for glob classification: the file path, or the URI's path for untitled and virtual documents.</summary>
    public static string PathForMatching(string uri) =>
        ToPath(uri) ?? (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? Uri.UnescapeDataString(parsed.AbsolutePath) : uri);

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
