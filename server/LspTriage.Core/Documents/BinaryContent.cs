using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Recognises text that is not a markdown document: NUL characters or a high share of control characters.</summary>
internal static class BinaryContent
{
    public static ParseProblem? Detect(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var nul = sample.IndexOf('\0');
        if (nul >= 0)
        {
            return new ParseProblem("This file contains NUL characters: it looks binary, not markdown.", new TextSpan(nul, 1));
        }
        var control = 0;
        foreach (var c in sample)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }
        return sample.Length > 0 && control * 10 > sample.Length
            ? new ParseProblem("This file is mostly control characters: it looks binary, not markdown.", new TextSpan(0, 0))
            : null;
    }
}
