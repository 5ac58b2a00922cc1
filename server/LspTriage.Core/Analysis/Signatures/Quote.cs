namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Cuts a verbatim window of a clause around an index, on word boundaries, so evidence stays short and exact.</summary>
internal static class Quote
{
    public const int MaxLength = 160;

    public static string Around(string text, int index)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var start = Math.Clamp(index - MaxLength / 3, 0, text.Length);
        var end = Math.Min(text.Length, start + MaxLength);
        while (start > 0 && start < end && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }
        while (end < text.Length && end > start && !char.IsWhiteSpace(text[end]))
        {
            end--;
        }
        var q = text[start..end].Trim();
        return q.Length == 0 ? text[..MaxLength] : q;
    }
}
