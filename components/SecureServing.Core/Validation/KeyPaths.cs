namespace SecureServing.Core.Validation;

/// <summary>Key path notation of findings: <c>secure-serving:network.masterCidr</c>, <c>models[1].activator</c>.</summary>
public static class KeyPaths
{
    /// <summary>The key path of a finding about a whole file (its size, syntax, documents) rather than one key.</summary>
    public const string File = "<file>";

    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
