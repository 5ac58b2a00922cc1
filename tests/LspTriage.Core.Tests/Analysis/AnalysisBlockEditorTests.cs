using LspTriage.Tests.Shared;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Analysis.Grounding;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Tests.Analysis;

public sealed class AnalysisBlockEditorTests
{
    private static readonly string SeedFile = File.ReadAllText(Path.Combine(RepoPaths.Samples, "2026-06-02-payment-pool.md"));

    private const string Tail = "\n## Notes\n\nWritten by the on-call, keep this.\n";

    private static async Task<AnalysisRunResult> Run(string text, AnalysisLanguage lang = AnalysisLanguage.English) =>
        await new AnalysisRunner().RunAsync(IncidentDocument.Parse(text, "incidents/x.md"), new AnalysisOptions { Language = lang }, null, CancellationToken.None);

    [Fact]
    public async Task Inserts_the_block_after_the_raw_context_section_and_keeps_everything_else()
    {
        var text = SeedFile + Tail;
        var r = await Run(text);
        Assert.Equal(BlockEditKind.Inserted, r.Edit.Kind);
        Assert.Equal(0, r.Edit.Span.Length);
        var after = r.Edit.ApplyTo(text);
        Assert.Equal(text, after.Remove(r.Edit.Span.Start, r.Edit.NewText.Length));
        Assert.True(after.IndexOf("<!-- lsptriage:begin analysis", StringComparison.Ordinal) > after.IndexOf("(initial mis-diagnosis)", StringComparison.Ordinal));
        Assert.True(after.IndexOf("<!-- lsptriage:end -->", StringComparison.Ordinal) < after.IndexOf("## Notes", StringComparison.Ordinal));

        var doc = IncidentDocument.Parse(after, "incidents/x.md");
        var block = Assert.Single(doc.GeneratedBlocks);
        Assert.Equal("analysis", block.Kind);
        Assert.True(BlockHash.Matches(doc.TextOf(block.ContentSpan), block.Hash));
        Assert.Equal("offline", block.Attributes["provider"]);
        // The raw context read back excludes the generated block.
        Assert.Equal(IncidentContextReader.Read(IncidentDocument.Parse(text)).RawContext, IncidentContextReader.Read(doc).RawContext);
        Assert.Empty(AnalysisGrounding.Check(doc));
    }

    [Fact]
    public async Task Rerunning_replaces_an_unedited_block_so_there_is_one_block()
    {
        var text = SeedFile + Tail;
        var once = (await Run(text)).Edit.ApplyTo(text);
        var secondRun = await Run(once, AnalysisLanguage.Chinese);
        Assert.Equal(BlockEditKind.Replaced, secondRun.Edit.Kind);
        Assert.Null(secondRun.Edit.Warning);
        var twice = secondRun.Edit.ApplyTo(once);
        var doc = IncidentDocument.Parse(twice);
        Assert.Single(doc.GeneratedBlocks);
        Assert.Contains("## 根因假设", twice);
        Assert.DoesNotContain("## Root cause hypotheses", twice);
        Assert.EndsWith(Tail, twice);
        Assert.StartsWith(SeedFile.TrimEnd('\n'), twice);
    }

    [Fact]
    public async Task An_edited_block_is_kept_and_the_new_block_goes_after_it_with_a_warning()
    {
        var text = SeedFile + Tail;
        var once = (await Run(text)).Edit.ApplyTo(text);
        var edited = once.Replace("## Customer impact\n\n", "## Customer impact\n\nConfirmed by support: 1,204 failed checkouts.\n\n", StringComparison.Ordinal);
        Assert.NotEqual(once, edited);
        var r = await Run(edited);
        Assert.Equal(BlockEditKind.InsertedAfterEdited, r.Edit.Kind);
        Assert.Contains("was edited", r.Edit.Warning);
        var after = r.Edit.ApplyTo(edited);
        Assert.Contains("Confirmed by support: 1,204 failed checkouts.", after);
        var doc = IncidentDocument.Parse(after);
        Assert.Equal(2, doc.GeneratedBlocks.Count);
        Assert.False(BlockHash.Matches(doc.TextOf(doc.GeneratedBlocks[0].ContentSpan), doc.GeneratedBlocks[0].Hash));
        Assert.True(BlockHash.Matches(doc.TextOf(doc.GeneratedBlocks[1].ContentSpan), doc.GeneratedBlocks[1].Hash));
        Assert.Equal(edited, after.Remove(r.Edit.Span.Start, r.Edit.NewText.Length));
        // The user's number in the edited block is not in the context: grounding reports it, in document offsets.
        var claim = Assert.Single(AnalysisGrounding.Check(doc));
        Assert.Equal("1,204", after.Substring(claim.Span.Start, claim.Span.Length));
    }

    [Fact]
    public async Task Crlf_documents_get_crlf_blocks_and_the_hash_still_matches()
    {
        var text = (SeedFile + Tail).Replace("\n", "\r\n", StringComparison.Ordinal);
        var after = (await Run(text)).Edit.ApplyTo(text);
        Assert.DoesNotContain("\n", after.Replace("\r\n", "", StringComparison.Ordinal));
        var doc = IncidentDocument.Parse(after);
        var block = Assert.Single(doc.GeneratedBlocks);
        Assert.True(BlockHash.Matches(doc.TextOf(block.ContentSpan), block.Hash));
        Assert.Equal(BlockEditKind.Replaced, (await Run(after)).Edit.Kind);
    }

    [Fact]
    public async Task No_raw_context_section_is_a_clear_error()
    {
        var e = await Assert.ThrowsAsync<AnalysisException>(() => Run("---\nservice: x\n---\n# Title\n\n## Summary\n\nText.\n"));
        Assert.Equal(AnalysisFailure.NoRawContext, e.Failure);
        Assert.Contains("Raw incident context", e.Message);
        var empty = await Assert.ThrowsAsync<AnalysisException>(() => Run("# Title\n\n## Raw incident context\n\n## Summary\n\nText.\n"));
        Assert.Contains("is empty", empty.Message);
    }

    [Fact]
    public async Task Draft_this_section_replaces_only_the_placeholder()
    {
        var text = "---\nkind: postmortem\nservice: payment-svc\n---\n# Pool exhaustion\n\n" + SeedFile[SeedFile.IndexOf("## Raw incident context", StringComparison.Ordinal)..]
                   + "\n## Root cause\n\n[FILL IN]\n\n## Timeline\n\n- [FILL IN]\n\n## What went well\n\nFast rollback. [FILL IN]\n";
        var doc = IncidentDocument.Parse(text, "postmortems/p.md");
        var analysis = new OfflineAnalyzer().Analyze(IncidentContextReader.Read(doc), AnalysisLanguage.English);

        var rootCause = doc.Placeholders.First(p => doc.Sections[p.SectionIndex].Kind == SectionKind.RootCause);
        var edit = SectionDrafter.EditForPlaceholder(doc, rootCause, analysis, AnalysisLanguage.English);
        Assert.NotNull(edit);
        Assert.Equal(doc.RangeOf(rootCause.Span), edit.Range);
        Assert.Contains("settlement batch", edit.NewText);

        var timeline = doc.Placeholders.First(p => doc.Sections[p.SectionIndex].Kind == SectionKind.Timeline);
        var t = SectionDrafter.EditForPlaceholder(doc, timeline, analysis, AnalysisLanguage.English)!;
        Assert.StartsWith("13:50 UTC — payment-svc v2.41 shipped", t.NewText);
        Assert.Contains("\n- 14:04 UTC — Pager: PaymentSvcErrorRateHigh", t.NewText);

        var well = doc.Placeholders.First(p => doc.Sections[p.SectionIndex].Kind == SectionKind.WhatWentWell);
        var w = SectionDrafter.EditForPlaceholder(doc, well, analysis, AnalysisLanguage.English)!;
        Assert.Equal(doc.RangeOf(well.Span), w.Range);
        Assert.True(SectionDrafter.CanDraft(SectionKind.Detection));
        Assert.False(SectionDrafter.CanDraft(SectionKind.RawContext));
    }
}
