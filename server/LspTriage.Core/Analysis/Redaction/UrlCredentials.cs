using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Redaction;

/// <summary>
/// User info in URLs (<c>https://user:KEY@host</c>, <c>https://TOKEN@host</c>) is a credential: it is dropped from
/// every URL that reaches a message, a log line or a command result. Unlike <see cref="Redactor"/>, which marks what
/// it hides for the model, messages get the plain URL back: the host is what the user needs to read.
/// </summary>
public static partial class UrlCredentials
{
    [GeneratedRegex(@"\b(?<scheme>[a-z][a-z0-9+.-]*://)[^\s/?#@""'<>]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UserInfo();

    /// <summary>The text with the user info of every URL in it removed.</summary>
    public static string Strip(string text) =>
        text.Contains("://", StringComparison.Ordinal) ? UserInfo().Replace(text, "${scheme}") : text;

    /// <summary>scheme://host:port, without user info (<see cref="Uri.GetLeftPart"/> keeps it).</summary>
    public static string Authority(Uri uri) =>
        uri.IsAbsoluteUri ? $"{uri.Scheme}://{uri.Authority}" : Strip(uri.ToString());
}
