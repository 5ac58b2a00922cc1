namespace LspTriage.Core.Analysis.Grounding;

public enum ClaimKind
{
    Number,
    Time,
    Date,
    Version,
    Quote,
    VagueQuantity,
}
