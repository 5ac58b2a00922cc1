namespace LspTriage.Tests.Shared;

/// <summary>
/// A test of the optional extra run on the 242 public postmortems. It runs whenever the corpus folder exists and is
/// reported as skipped, with the folder it looked for, only when it does not (never because of CI or any other
/// variable). Filter the run with <c>--filter Category=PublicCorpus</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PublicCorpusFactAttribute : FactAttribute
{
    public PublicCorpusFactAttribute()
    {
        if (!RepoPaths.HasPublicCorpus)
        {
            Skip = PublicCorpus.SkipReason;
        }
    }
}

/// <inheritdoc cref="PublicCorpusFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PublicCorpusTheoryAttribute : TheoryAttribute
{
    public PublicCorpusTheoryAttribute()
    {
        if (!RepoPaths.HasPublicCorpus)
        {
            Skip = PublicCorpus.SkipReason;
        }
    }
}

internal static class PublicCorpus
{
    public static string SkipReason =>
        $"Optional extra run: the public postmortem corpus is not at {RepoPaths.Corpus} (set LSPTRIAGE_PUBLIC_CORPUS to run it).";
}
