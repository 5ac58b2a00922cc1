using LspTriage.Core.Documents;

namespace LspTriage.Core.Tests;

/// <summary>The layering ARCHITECTURE.md promises: the domain knows nothing of LSP, JSON-RPC or the hosts.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Core_references_neither_the_protocol_library_nor_the_server_nor_the_cli()
    {
        var references = typeof(IncidentDocument).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.Contains("Markdig", references);
        Assert.DoesNotContain(references, r => r.StartsWith("StreamJsonRpc", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("LspTriage.Server", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r == "lsptriage");
    }
}
