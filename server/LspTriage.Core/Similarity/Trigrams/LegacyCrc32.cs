namespace LspTriage.Core.Similarity.Trigrams;

/// <summary>
/// PostgreSQL's "legacy" CRC-32 (pg_crc.h, INIT/COMP/FIN_LEGACY_CRC32): the reflected Ethernet table driven by
/// the non-reflected shift (index from the top byte, shift left). It matches no standard CRC, but pg_trgm hashes every
/// multi-byte trigram with it, so exact agreement on non-ASCII text depends on reproducing it bit for bit.
/// </summary>
internal static class LegacyCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        var table = Table;
        foreach (var b in data)
        {
            crc = table[((crc >> 24) ^ b) & 0xFF] ^ (crc << 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[i] = c;
        }
        return table;
    }
}
