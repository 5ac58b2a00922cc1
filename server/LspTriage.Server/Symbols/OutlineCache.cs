using System.Runtime.CompilerServices;
using System.Text.Json;
using LspTriage.Core.Documents;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;

namespace LspTriage.Server.Symbols;

/// <summary>
/// The outline of one parsed version, built and written as JSON once. A parse is one immutable version of a
/// document, so the cache lives exactly as long as it does (a weak table keyed by it) and never needs invalidating.
/// </summary>
internal static class OutlineCache
{
    private static readonly ConditionalWeakTable<IncidentDocument, Entry> Outlines = [];

    public static RawJson Get(IncidentDocument document, bool includeEntries)
    {
        var entry = Outlines.GetValue(document, static _ => new Entry());
        ref var slot = ref includeEntries ? ref entry.WithEntries : ref entry.HeadingsOnly;
        // Two threads asking at once may both build it; both results are the same, and either one is kept.
        return slot ??= new RawJson(JsonSerializer.SerializeToUtf8Bytes(
            OutlineBuilder.Build(document, includeEntries), LspJsonContext.Default.IReadOnlyListDocumentSymbol));
    }

    private sealed class Entry
    {
        public RawJson? WithEntries;
        public RawJson? HeadingsOnly;
    }
}
