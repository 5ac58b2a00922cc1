using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>
/// The embedded index's vector cache: one compact binary file per model in a cache folder
/// (<c>$XDG_CACHE_HOME/lsptriage</c>, else <c>~/.cache/lsptriage</c>, unless told), <c>vectors-&lt;model hash&gt;.bin</c>.
/// The file is a magic line, then records appended as vectors are computed: the 32-byte content hash, the dimension
/// (int32 little-endian) and the floats. Read whole on first use; a truncated or foreign file is read up to its last
/// whole record and then rewritten, never an error. Several servers may append to one file: each record is written with
/// one call, and a torn record at the end is dropped at the next load.
/// </summary>
public sealed class VectorCacheFile : IVectorCache
{
    private static readonly byte[] Magic = "LTVEC1\n"u8.ToArray();
    private const int HashBytes = 32;
    private const int MaxDimension = 16384;

    private readonly string _folder;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, float[]>> _loaded = new(StringComparer.Ordinal);

    public VectorCacheFile(string folder)
    {
        _folder = folder;
    }

    /// <summary>The default cache folder.</summary>
    public static string DefaultFolder(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var xdg = environment("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "lsptriage");
    }

    public string FileFor(string model) =>
        Path.Combine(_folder, "vectors-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model)))[..16] + ".bin");

    public Task<IReadOnlyDictionary<string, float[]>> GetAsync(string model, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        lock (_gate)
        {
            var all = Load(model);
            foreach (var h in hashes)
            {
                if (all.TryGetValue(h, out var v))
                {
                    found[h] = v;
                }
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
    }

    public Task PutAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var all = Load(model);
            var fresh = vectors.Where(kv => !all.ContainsKey(kv.Key) && kv.Key.Length == HashBytes * 2).ToList();
            foreach (var (h, v) in fresh)
            {
                all[h] = v;
            }
            if (fresh.Count == 0)
            {
                return Task.CompletedTask;
            }
            try
            {
                Directory.CreateDirectory(_folder);
                var file = FileFor(model);
                using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                if (stream.Length == 0)
                {
                    stream.Write(Magic);
                }
                foreach (var (h, v) in fresh)
                {
                    stream.Write(Record(h, v));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Read-only home or full disk: the vectors stay in memory for this process.
            }
        }
        return Task.CompletedTask;
    }

    private static byte[] Record(string hash, float[] vector)
    {
        var bytes = new byte[HashBytes + 4 + (vector.Length * 4)];
        Convert.FromHexString(hash, bytes.AsSpan(0, HashBytes), out _, out _);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(HashBytes), vector.Length);
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(HashBytes + 4 + (i * 4)), vector[i]);
        }
        return bytes;
    }

    private Dictionary<string, float[]> Load(string model)
    {
        if (_loaded.TryGetValue(model, out var cached))
        {
            return cached;
        }
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        _loaded[model] = vectors;
        var file = FileFor(model);
        byte[] bytes;
        try
        {
            bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return vectors;
        }
        if (bytes.Length == 0)
        {
            return vectors;
        }
        var ok = bytes.AsSpan().StartsWith(Magic);
        var at = ok ? Magic.Length : 0;
        while (ok && at < bytes.Length)
        {
            if (bytes.Length - at < HashBytes + 4)
            {
                ok = false;
                break;
            }
            var hash = Convert.ToHexStringLower(bytes, at, HashBytes);
            var dimension = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + HashBytes));
            if (dimension is <= 0 or > MaxDimension || bytes.Length - at - HashBytes - 4 < dimension * 4)
            {
                ok = false;
                break;
            }
            var v = new float[dimension];
            for (var i = 0; i < dimension; i++)
            {
                v[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at + HashBytes + 4 + (i * 4)));
            }
            vectors[hash] = v;
            at += HashBytes + 4 + (dimension * 4);
        }
        if (!ok)
        {
            Rewrite(file, vectors);
        }
        return vectors;
    }

    /// <summary>Replaces a damaged file by the records that could be read.</summary>
    private static void Rewrite(string file, Dictionary<string, float[]> vectors)
    {
        try
        {
            var temp = file + "." + Environment.ProcessId + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                stream.Write(Magic);
                foreach (var (h, v) in vectors)
                {
                    stream.Write(Record(h, v));
                }
            }
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it is: the readable records are in memory, the rest is recomputed.
        }
    }
}
