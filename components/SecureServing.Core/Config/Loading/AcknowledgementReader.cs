namespace SecureServing.Core.Config.Loading;

/// <summary>Reads an <c>acknowledge: [{rule, reason}]</c> list; index i is at <c>&lt;key&gt;[i]</c>.</summary>
internal static class AcknowledgementReader
{
    public static IReadOnlyList<Acknowledgement> Read(YamlMap map, string key)
    {
        var result = new List<Acknowledgement>();
        foreach (var (node, path) in map.Items(key))
        {
            if (YamlMap.Of(node, path, map.Ctx, "a map `{rule, reason}`", Contract.AcknowledgementContract.Entry) is { } m)
            {
                result.Add(new Acknowledgement(m.String("rule", required: true) ?? "", m.String("reason") ?? ""));
                m.Finish();
            }
            else
            {
                result.Add(new Acknowledgement("", ""));
            }
        }

        return result;
    }

    /// <summary>Key path of the i-th acknowledgement.</summary>
    public static string PathOf(string key, int index) => Validation.KeyPaths.Item(key, index);
}
