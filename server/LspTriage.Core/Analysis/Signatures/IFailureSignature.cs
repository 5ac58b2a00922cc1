using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>One known failure mode: detection rules over the extracted facts, and what to check, do and follow up.</summary>
public interface IFailureSignature
{
    /// <summary>Stable id, also used as the <c>category</c> of sample incidents (e.g. <c>connection-pool-exhaustion</c>).</summary>
    string Id { get; }

    /// <summary>Null when the context shows too little of this failure mode.</summary>
    SignatureMatch? Match(ContextFacts facts, AnalysisLanguage language);
}
