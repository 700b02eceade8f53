namespace SecureServing.Core.Validation;

/// <summary>Suggests the closest known name for a misspelt one (case-insensitive Levenshtein distance).</summary>
public static class DidYouMean
{
    /// <summary>Longest name a suggestion is looked for.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The candidate closest to <paramref name="given"/>, if it is close enough to be a plausible typo:
    /// at most a third of the longer name's length, and at most 3 edits. Ties go to the first candidate.
    /// </summary>
    public static string? Suggest(string given, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (given.Length > MaxLength)
        {
            return null; // no name is that long, and the distance is quadratic in it
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            var limit = Math.Min(3, Math.Max(1, Math.Max(given.Length, candidate.Length) / 3));
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein edit distance (insertions, deletions, substitutions).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>" Did you mean `x`?" or empty.</summary>
    public static string Hint(string given, IEnumerable<string> candidates) =>
        Suggest(given, candidates) is { } s ? $" Did you mean `{s}`?" : "";
}
