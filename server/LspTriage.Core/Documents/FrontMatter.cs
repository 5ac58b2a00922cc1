using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>The YAML front matter's top-level keys. Only what we read is modelled: scalars and flat lists.</summary>
public sealed record FrontMatter(TextSpan Span, IReadOnlyList<FrontMatterEntry> Entries)
{
    public static readonly FrontMatter None = new(default, []);

    public bool IsPresent => Span.Length > 0;

    public FrontMatterEntry? Find(string key) =>
        Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    public string? this[string key] => Find(key)?.Value is { Length: > 0 } v ? v : null;
}

/// <summary>One top-level key. <see cref="Items"/> holds list values (block or flow style); <see cref="Value"/> is the scalar, unquoted, comment removed.</summary>
public sealed record FrontMatterEntry(string Key, string Value, TextSpan KeySpan, TextSpan ValueSpan, IReadOnlyList<string> Items);
