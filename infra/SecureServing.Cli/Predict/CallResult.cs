namespace SecureServing.Cli.Predict;

/// <summary>What came back from one call: an HTTP answer of any status, or no answer at all.</summary>
internal abstract record CallResult(TimeSpan Elapsed);

/// <summary>An HTTP response. Header names are lower-case; repeated headers are joined with ", ".</summary>
internal sealed record HttpReply(
    int StatusCode,
    string ReasonPhrase,
    IReadOnlyDictionary<string, string> Headers,
    string? MediaType,
    byte[] Body,
    TimeSpan Elapsed) : CallResult(Elapsed)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>The request got no HTTP response.</summary>
internal sealed record NetworkFailure(NetworkFailureKind Kind, string Detail, TimeSpan Elapsed) : CallResult(Elapsed);

internal enum NetworkFailureKind
{
    NameResolution,
    ConnectionRefused,
    Connection,
    Tls,
    Timeout,
    Protocol,
}
