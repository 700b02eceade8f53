using System.Text.Json.Nodes;

namespace SecureServing.Core.Kubernetes;

/// <summary>Small helpers to write manifests as <see cref="JsonObject"/> in Kubernetes' usual key order.</summary>
internal static class Manifest
{
    /// <summary><c>{apiVersion, kind, metadata: {name, namespace?, labels?, annotations?}}</c>; add the body with <see cref="With"/>.</summary>
    public static JsonObject New(string apiVersion, string kind, string name, string? ns,
        IEnumerable<KeyValuePair<string, string>>? labels = null,
        IEnumerable<KeyValuePair<string, string>>? annotations = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        var labelMap = Map(labels ?? []);
        if (labelMap.Count > 0)
        {
            metadata["labels"] = labelMap;
        }

        var annotationMap = Map(annotations ?? []);
        if (annotationMap.Count > 0)
        {
            metadata["annotations"] = annotationMap;
        }

        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }

    /// <summary>Adds <paramref name="key"/> and returns the same object, for fluent building.</summary>
    public static JsonObject With(this JsonObject obj, string key, JsonNode? value)
    {
        obj[key] = value;
        return obj;
    }

    /// <summary>Adds <paramref name="key"/> only when <paramref name="condition"/> holds.</summary>
    public static JsonObject WithIf(this JsonObject obj, bool condition, string key, Func<JsonNode?> value)
    {
        if (condition)
        {
            obj[key] = value();
        }

        return obj;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    public static JsonArray Array(params IEnumerable<JsonNode> items) => new([.. items]);

    public static JsonObject Map(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new JsonObject();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    public static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    /// <summary>The istio-ingressgateway pods (the cluster-local gateway): the local Gateways and their policies select them.</summary>
    public static JsonObject IngressGatewaySelector() => new() { [IngressGatewayWorkload.SelectorKey] = IngressGatewayWorkload.SelectorValue };

    /// <summary>The istio-public-gateway pods: the public Gateway and the IAP policies select them.</summary>
    public static JsonObject PublicGatewaySelector() => new() { [PublicGatewayWorkload.SelectorKey] = PublicGatewayWorkload.SelectorValue };
}
