using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureServing.Core.Access;

/// <summary>The access matrix as <c>access</c> prints it: text (model by model, caller by caller), Markdown (one table per stack), JSON.</summary>
public static class AccessReportText
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Summary(AccessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Matrix;
        return $"access {report.Stack}: {m.Models.Count} model(s) x {m.Callers.Count} caller(s); " +
            (report.MatchesIntent ? "access matches intent" : $"{report.Differences.Count} difference(s) from intent");
    }

    public static string ToText(AccessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder().Append(Summary(report)).Append("\n\n");
        var width = Math.Max(6, report.Matrix.Callers.Max(c => c.Label.Length));
        foreach (var row in report.Matrix.Models)
        {
            text.Append($"{row.Model.Key} ({Describe(row.Model)})\n");
            text.Append($"    {"caller".PadRight(width)}  {"predict",-8} {"intent",-8} {"probe",-8} deciding object\n");
            foreach (var cell in row.Cells)
            {
                var intent = report.Intent(row.Model, cell.Caller, false);
                var probeIntent = report.Intent(row.Model, cell.Caller, true);
                var differs = Differs(intent, cell.Predict) || Differs(probeIntent, cell.Probe);
                var decider = Differs(probeIntent, cell.Probe) && !Differs(intent, cell.Predict) ? cell.Probe.Decider : cell.Predict.Decider;
                text.Append($"  {(differs ? "! " : "  ")}{cell.Caller.Label.PadRight(width)}  {Word(cell.Predict.Outcome),-8} {(intent.Expected is { } e ? Word(e) : "-"),-8} {Word(cell.Probe.Outcome),-8} {decider}\n");
            }

            text.Append('\n');
        }

        if (!report.MatchesIntent)
        {
            text.Append("differences (! above):\n");
            foreach (var d in report.Differences)
            {
                text.Append("  - ").Append(d.Summary).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>One Markdown table: a row per caller, a column per model; cells say allowed/denied/unknown, and mark differences.</summary>
    public static string ToMarkdown(AccessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append($"**{Summary(report)}.** Each cell: the predict path (for Knative's probes, the probe paths), evaluated from the rendered plan; ❗ where it differs from intent.\n\n");
        text.Append("| Caller | ").AppendJoin(" | ", report.Matrix.Models.Select(m => $"`{m.Model.Key}` ({Describe(m.Model)})")).Append(" |\n");
        text.Append("|---|").AppendJoin("", report.Matrix.Models.Select(_ => "---|")).Append('\n');
        foreach (var caller in report.Matrix.Callers)
        {
            text.Append("| ").Append(Escape(caller.Label)).Append(" | ");
            text.AppendJoin(" | ", report.Matrix.Models.Select(row =>
            {
                var cell = row.Cell(caller.Id);
                var differs = Differs(report.Intent(row.Model, caller, false), cell.Predict) || Differs(report.Intent(row.Model, caller, true), cell.Probe);
                return (differs ? "❗ " : "") + Word(cell.Predict.Outcome);
            }));
            text.Append(" |\n");
        }

        if (!report.MatchesIntent)
        {
            text.Append("\nDifferences from intent:\n\n");
            foreach (var d in report.Differences)
            {
                text.Append("- ").Append(Escape(d.Summary)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string ToJson(AccessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var models = new JsonArray();
        foreach (var row in report.Matrix.Models)
        {
            var cells = new JsonArray();
            foreach (var cell in row.Cells)
            {
                cells.Add(new JsonObject
                {
                    ["caller"] = cell.Caller.Id,
                    ["label"] = cell.Caller.Label,
                    ["predict"] = Decision(cell.Predict, report.Intent(row.Model, cell.Caller, false)),
                    ["probe"] = Decision(cell.Probe, report.Intent(row.Model, cell.Caller, true)),
                });
            }

            models.Add(new JsonObject
            {
                ["namespace"] = row.Model.Namespace,
                ["name"] = row.Model.Name,
                ["clusterLocal"] = row.Model.ClusterLocal,
                ["activatorOnPath"] = row.Model.ActivatorOnPath,
                ["sidecar"] = row.Model.Sidecar,
                ["callers"] = cells,
            });
        }

        var json = new JsonObject
        {
            ["stack"] = report.Stack,
            ["matchesIntent"] = report.MatchesIntent,
            ["differences"] = new JsonArray([.. report.Differences.Select(d => (JsonNode)new JsonObject
            {
                ["model"] = d.Model.Key,
                ["caller"] = d.Caller.Id,
                ["path"] = d.Probe ? "probe" : "predict",
                ["expected"] = AccessDifference.Text(d.Intent.Expected),
                ["evaluated"] = Word(d.Evaluated.Outcome),
                ["object"] = Object(d.Evaluated.Decider),
                ["message"] = d.Summary,
            })]),
            ["models"] = models,
        };
        return json.ToJsonString(JsonOptions) + "\n";
    }

    internal static string Word(Outcome outcome) => outcome switch
    {
        Outcome.Allowed => "allowed",
        Outcome.Denied => "denied",
        _ => "unknown",
    };

    internal static string Describe(ModelInfo m) =>
        $"{(m.ClusterLocal ? "cluster-local" : "external")}, activator {(m.ActivatorOnPath ? "on" : "off")}{(m.Sidecar ? "" : ", no sidecar")}";

    internal static JsonObject Object(ObjectRef o) => new()
    {
        ["kind"] = o.Kind,
        ["namespace"] = o.Namespace,
        ["name"] = o.Name,
        ["origin"] = o.Origin.ToString().ToLowerInvariant(),
    };

    private static bool Differs(Expectation intent, AccessDecision decision) => intent.Expected is { } e && e != decision.Outcome;

    private static JsonObject Decision(AccessDecision d, Expectation intent) => new()
    {
        ["outcome"] = Word(d.Outcome),
        ["intent"] = AccessDifference.Text(intent.Expected),
        ["intentReason"] = intent.Reason,
        ["object"] = Object(d.Decider),
        ["why"] = d.Why,
        ["hops"] = new JsonArray([.. d.Hops.Select(h => (JsonNode)JsonValue.Create(h))]),
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
