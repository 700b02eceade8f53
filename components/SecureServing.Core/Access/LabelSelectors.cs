using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>
/// The labels the evaluator knows of a pod or a namespace. <see cref="Complete"/>: no other label exists (a namespace
/// the plan creates); otherwise a key it does not list may be there with any value (controllers and Istio's injector
/// add pod labels; an installed or unmanaged namespace may carry labels the plan does not show).
/// </summary>
internal sealed record LabelSet(IReadOnlyDictionary<string, string> Known, bool Complete)
{
    /// <summary>Whether <paramref name="key"/> is set, and to what; null when the evaluator cannot know.</summary>
    public (bool? Present, string? Value) Get(string key) =>
        Known.TryGetValue(key, out var value) ? (true, value) : Complete ? (false, null) : (null, null);
}

/// <summary>
/// Kubernetes label selectors (metav1.LabelSelector, as NetworkPolicy uses them): every <c>matchLabels</c> pair and
/// every <c>matchExpressions</c> requirement must hold (<c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>;
/// <c>NotIn</c> and <c>DoesNotExist</c> hold for a missing key); an empty selector selects everything. A requirement on a
/// key the evaluator cannot know is unknown, and so is an operator it does not know
/// (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors).
/// </summary>
internal static class LabelSelectors
{
    public static bool? Selects(JsonObject selector, LabelSet labels)
    {
        var requirements = new List<bool?>();
        foreach (var (key, value) in Json.Map(selector, "matchLabels"))
        {
            var (present, actual) = labels.Get(key);
            requirements.Add(present is null ? null : present == true && actual == value);
        }

        if (Json.Obj(selector, "matchLabels") is { } pairs && pairs.Count != Json.Map(selector, "matchLabels").Count)
        {
            requirements.Add(null); // a value that is not a string: not a selector the API server would accept
        }

        foreach (var expression in Json.Arr(selector, "matchExpressions"))
        {
            requirements.Add(Requirement(expression, labels));
        }

        return Tristate.And(requirements);
    }

    private static bool? Requirement(JsonNode expression, LabelSet labels)
    {
        var (present, actual) = labels.Get(Json.Str(expression, "key") ?? "");
        var values = Json.Strings(expression, "values");
        bool? In() => present is null ? null : present == true && values.Contains(actual!, StringComparer.Ordinal);
        return Json.Str(expression, "operator") switch
        {
            "In" => In(),
            "NotIn" => In() is { } inside ? !inside : null,
            "Exists" => present,
            "DoesNotExist" => present is { } p ? !p : null,
            _ => null,
        };
    }
}
