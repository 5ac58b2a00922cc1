using System.Security.Cryptography;
using System.Text;

namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>The key of a cached vector: SHA-256 of the exact text embedded, in lower-case hex. An incident whose text
/// did not change keeps its vector across restarts, renames and servers; an edit makes a new one.</summary>
public static class ContentHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
