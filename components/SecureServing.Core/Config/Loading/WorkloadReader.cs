using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// Reads the serving-workload keys: a node pool's <c>accelerator</c>, <c>taints</c> and <c>sandbox</c>, a model's
/// <c>resources</c>, <c>nodePool</c>, replicas and scaling, and a team's <c>quota</c>. Limits are explicit (a GPU count,
/// replicas and quota sizes have upper bounds, declared with each key in the config contract: <see cref="CountKey.Minimum"/>,
/// <see cref="CountKey.Maximum"/>), so a typo cannot ask for ten thousand GPUs.
/// </summary>
internal static class WorkloadReader
{
    public const int MaxTaints = 16;

    /// <summary>The pool with its <c>accelerator</c>, <c>taints</c> (or the accelerator's default taint) and <c>sandbox</c>.</summary>
    public static NodePoolConfig Pool(YamlMap m, NodePoolConfig pool)
    {
        AcceleratorConfig? accelerator = null;
        if (m.Map(StackFileContract.Cluster.Accelerator.Name) is { } a)
        {
            var type = a.String("type", required: true);
            StackFileReader.Check(a, "type", type, Formats.AcceleratorType().IsMatch, "a GPU accelerator type such as `nvidia-l4` or `nvidia-tesla-t4`");
            // Kept when out of range (reported): the default would make every model asking for more GPUs a follow-on finding.
            var count = a.Int(StackFileContract.Cluster.AcceleratorCount.Name) ?? StackFileContract.Cluster.AcceleratorCount.Default;
            InRange(a, StackFileContract.Cluster.AcceleratorCount, count);
            accelerator = new AcceleratorConfig
            {
                Type = type ?? "",
                Count = count,
                Driver = a.Enum(StackFileContract.Cluster.AcceleratorDriver) ?? StackFileContract.Cluster.AcceleratorDriver.Default,
            };
            a.Finish();
        }

        var written = m.Has(StackFileContract.Cluster.Taints.Name);
        var taints = Taints(m);
        return pool with
        {
            Accelerator = accelerator,
            Taints = written || accelerator is null ? taints : [NodeTaint.Gpu],
            Sandbox = m.Bool(StackFileContract.Cluster.Sandbox.Name) ?? StackFileContract.Cluster.Sandbox.Default,
        };
    }

    /// <summary>The model with its <c>resources</c>, <c>nodePool</c>, replicas, scaling and <c>sandbox</c>.</summary>
    public static ModelConfig Model(YamlMap m, ModelConfig model)
    {
        ModelResources? resources = null;
        if (m.Map(TeamFileContract.Resources.Name) is { } r)
        {
            resources = new ModelResources
            {
                Cpu = Quantity(r, "cpu", ResourceQuantity.Cores, "a CPU quantity such as `2` or `500m`"),
                Memory = Quantity(r, "memory", ResourceQuantity.Bytes, "a memory quantity such as `8Gi`"),
                Gpu = InRange(r, TeamFileContract.ResourcesGpu, r.Int(TeamFileContract.ResourcesGpu.Name)) ?? TeamFileContract.ResourcesGpu.Default,
            };
            r.Finish();
        }

        // A blank value is reported by String ("is empty") and comes back null.
        var nodePool = m.String(TeamFileContract.Model.Get<TextKey>("nodePool").Name);

        var minReplicas = InRange(m, TeamFileContract.MinReplicas, m.Int(TeamFileContract.MinReplicas.Name));
        var maxReplicas = InRange(m, TeamFileContract.MaxReplicas, m.Int(TeamFileContract.MaxReplicas.Name));
        if (minReplicas is { } min && maxReplicas is { } max && min > max)
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child("maxReplicas"), m.Value("maxReplicas"),
                $"`{m.Child("maxReplicas")}` is {max}, below `minReplicas` {min}.", "Set maxReplicas >= minReplicas.");
        }

        var scaleTarget = InRange(m, TeamFileContract.ScaleTarget, m.Int(TeamFileContract.ScaleTarget.Name));

        return model with
        {
            Resources = resources,
            NodePool = nodePool,
            MinReplicas = minReplicas,
            MaxReplicas = maxReplicas,
            ScaleTarget = scaleTarget,
            ScaleMetric = ScaleMetric(m),
            Sandbox = m.Bool(TeamFileContract.ModelSandbox.Name) ?? TeamFileContract.ModelSandbox.Default,
        };
    }

    /// <summary>The team's <c>quota</c>, or the default quota.</summary>
    public static TeamQuota Quota(YamlMap file)
    {
        var defaults = new TeamQuota();
        if (file.Map(TeamFileContract.Quota.Name) is not { } q)
        {
            return defaults;
        }

        var quota = new TeamQuota
        {
            Cpu = Quantity(q, "cpu", ResourceQuantity.Cores, "a CPU quantity such as `16` or `500m`") ?? defaults.Cpu,
            Memory = Quantity(q, "memory", ResourceQuantity.Bytes, "a memory quantity such as `64Gi`") ?? defaults.Memory,
            Gpu = q.Int(TeamFileContract.QuotaGpu.Name) ?? defaults.Gpu,
            Pods = q.Int(TeamFileContract.QuotaPods.Name) ?? defaults.Pods,
        };
        // Kept when out of range (reported): the smaller default would make the models' needs a follow-on quota finding.
        InRange(q, TeamFileContract.QuotaGpu, quota.Gpu);
        InRange(q, TeamFileContract.QuotaPods, quota.Pods);
        q.Finish();
        return quota;
    }

    private static List<NodeTaint> Taints(YamlMap m)
    {
        var taints = new List<NodeTaint>();
        var items = m.Items(StackFileContract.Cluster.Taints.Name);
        if (items.Count > MaxTaints)
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child("taints"), m.Value("taints"),
                $"`{m.Child("taints")}` lists {items.Count} taints; at most {MaxTaints} are accepted.", "Keep the taints the pool's placement needs.");
        }

        foreach (var (node, path) in items.Take(MaxTaints))
        {
            if (YamlMap.Of(node, path, m.Ctx, "a map `{key, value, effect}`", StackFileContract.Cluster.Taint) is not { } t)
            {
                continue;
            }

            var key = t.String("key", required: true);
            var value = t.String("value", required: true);
            var effect = t.Enum(StackFileContract.Cluster.TaintEffectKey);
            if (effect is null && !t.Has("effect"))
            {
                t.Ctx.Report(RuleCatalog.MissingKey, t.Child("effect"), null, $"`{t.Child("effect")}` is required.", "Add `effect: NoSchedule` (or PreferNoSchedule, NoExecute).");
            }

            StackFileReader.Check(t, "key", key, Formats.TaintKey().IsMatch, "a Kubernetes qualified name such as `nvidia.com/gpu` or `workload`");
            StackFileReader.Check(t, "value", value, Formats.TaintValue().IsMatch, "a Kubernetes label value such as `present` (at most 63 letters, digits, `-`, `_`, `.`)");
            if (key is not null && value is not null && effect is { } e)
            {
                if (taints.Any(x => x.Key == key && x.Effect == e))
                {
                    t.Ctx.Report(RuleCatalog.InvalidValue, path, node, $"`{path}` repeats the taint key `{key}` with effect {e}.", "Keep one taint per key and effect.");
                }

                taints.Add(new NodeTaint(key, value, e));
            }

            t.Finish();
        }

        return taints;
    }

    private static ScaleMetric? ScaleMetric(YamlMap m)
    {
        var key = TeamFileContract.ScaleMetricKey.Name;
        if (m.Value(key) is YamlScalarNode { Value: "cpu" or "memory" } node)
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child(key), node,
                $"`{m.Child(key)}` is `{node.Value}`: KServe scales on {node.Value} only with Knative's HPA autoscaler class, which cannot scale to zero and is not the class KServe uses in serverless mode.",
                "Use `scaleMetric: concurrency` (the default) or `rps`.");
            return null;
        }

        return m.Enum(TeamFileContract.ScaleMetricKey);
    }

    /// <summary>A CPU or memory quantity that must be more than zero.</summary>
    private static string? Quantity(YamlMap map, string key, Func<string, decimal?> parse, string what)
    {
        var text = map.String(key);
        if (text is null)
        {
            return null;
        }

        if (parse(text) is not { } amount || amount <= 0)
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key), $"`{map.Child(key)}` is `{text}`; it must be {what}, more than zero.", $"Set `{key}` to {what}.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// The value when it is within the key's declared <see cref="CountKey.Minimum"/> (default 0) and
    /// <see cref="CountKey.Maximum"/>; otherwise reported, and null, so no rule computes with it.
    /// </summary>
    private static int? InRange(YamlMap map, CountKey key, int? value)
    {
        var (min, max) = (key.Minimum ?? 0, key.Maximum ?? throw new InvalidOperationException($"`{key.Name}` declares no maximum (Config/Contract)."));
        if (value is { } v && (v < min || v > max))
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key.Name), map.Value(key.Name), $"`{map.Child(key.Name)}` is {v}; it must be between {min} and {max}.", $"Set `{key.Name}` to {min}..{max}.");
            return null;
        }

        return value;
    }
}
