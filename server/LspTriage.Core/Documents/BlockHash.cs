using System.Security.Cryptography;
using System.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// The hash recorded in every generated block's begin marker (analysis, similar incidents): SHA-256 (first 16 hex digits) of the text between the marker lines,
/// with line endings normalised to \n and trailing line breaks removed, so an editor changing CRLF does not count as an edit.
/// </summary>
public static class BlockHash
{
    public static string Of(string content)
    {
        var normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n');
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    public static bool Matches(string content, string? hash) =>
        hash is not null && string.Equals(Of(content), hash, StringComparison.OrdinalIgnoreCase);
}
