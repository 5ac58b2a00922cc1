using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace LspTriage.Core.Similarity.Embeddings.Onnx;

/// <summary>
/// Finds the native ONNX Runtime library (libonnxruntime.so, onnxruntime.dll, libonnxruntime.dylib). The shipped server
/// references only the managed API: the native library adds ~35 MB on linux-x64 that most users never load. It is
/// looked for, in order, at <c>lspTriage.similarity.embeddings.onnxRuntimePath</c> (a file or a folder), in the model
/// folder (and its <c>lib/</c>, the layout of ONNX Runtime's release archives), at <c>LSPTRIAGE_ONNXRUNTIME</c>, and
/// last where .NET looks by default (next to the executable: a build that references the full
/// <c>Microsoft.ML.OnnxRuntime</c> package, as the tests do).
/// </summary>
internal static class OnnxRuntimeLibrary
{
    private const string ManagedName = "onnxruntime";

    private static readonly string[] FileNames = ["libonnxruntime.so", "onnxruntime.dll", "libonnxruntime.dylib"];
    private static readonly Lock Gate = new();
    private static IReadOnlyList<string> _places = [];
    private static bool _resolverSet;

    /// <summary>Where to look first, before the first session is created (later calls add places for later loads; a
    /// library once loaded stays for the process).</summary>
    public static void LookIn(params string?[] places)
    {
        lock (Gate)
        {
            _places = [.. places.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!), .. _places];
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(InferenceSession).Assembly, Resolve);
                _resolverSet = true;
            }
        }
    }

    /// <summary>The candidate files, for the message when none loads.</summary>
    public static IEnumerable<string> Candidates()
    {
        IReadOnlyList<string> places;
        lock (Gate)
        {
            places = [.. _places, .. Environment.GetEnvironmentVariable("LSPTRIAGE_ONNXRUNTIME") is { Length: > 0 } env ? [env] : Array.Empty<string>()];
        }
        foreach (var place in places)
        {
            if (File.Exists(place))
            {
                yield return place;
                continue;
            }
            foreach (var folder in new[] { place, Path.Combine(place, "lib") })
            {
                foreach (var name in FileNames)
                {
                    var file = Path.Combine(folder, name);
                    if (File.Exists(file))
                    {
                        yield return file;
                    }
                }
            }
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, ManagedName, StringComparison.Ordinal))
        {
            return IntPtr.Zero;
        }
        foreach (var file in Candidates())
        {
            if (NativeLibrary.TryLoad(file, out var handle))
            {
                return handle;
            }
        }
        return IntPtr.Zero; // default probing
    }
}
