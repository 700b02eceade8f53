using System.Globalization;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Validation.Rules;

/// <summary>
/// accelerator-not-in-region, accelerator-machine-type, gpu-model-without-accelerator-pool, unknown-node-pool,
/// sandbox-only-pool, no-system-pool, sandbox-placement, model-not-sandboxed-in-prod, scale-to-zero-without-activator,
/// quota-too-small, team-member-not-bound.
/// </summary>
internal static class WorkloadRules
{
    public static void Check(RuleContext ctx)
    {
        Pools(ctx);
        foreach (var (team, model, path) in ctx.Models())
        {
            Model(ctx, team, model, path);
        }

        foreach (var team in ctx.Config.Teams)
        {
            Quota(ctx, team);
            Members(ctx, team);
        }
    }

    private static void Pools(RuleContext ctx)
    {
        var c = ctx.Config;
        var pools = c.Cluster.NodePools;
        for (var i = 0; i < pools.Count; i++)
        {
            if (pools[i].Accelerator is not { } a || a.Type.Length == 0)
            {
                continue;
            }

            var pool = ctx.StackItem($"{RuleContext.Ns}cluster.nodePools", i);
            var path = $"{pool}.accelerator";
            switch (GpuAccelerators.Offered(a.Type, c.Region))
            {
                case false:
                    ctx.Stack(RuleCatalog.AcceleratorNotInRegion, $"{path}.type",
                        $"`{path}.type` is `{a.Type}`, which Compute Engine does not offer in `{c.Region}` (`gcp:region`).");
                    break;
                // A missing or malformed gcp:region has its own finding.
                case null when c.Cluster.Provider == ClusterProvider.Gke && Config.Loading.Formats.Region().IsMatch(c.Region):
                    ctx.Stack(RuleCatalog.AcceleratorNotInRegion, $"{path}.type",
                        $"`{path}.type` `{a.Type}` in `{c.Region}` is not in the offline table ({GpuAccelerators.RegionsSource}), so its availability is not checked here; GKE checks it when the pool is created.",
                        $"Confirm with `gcloud compute accelerator-types list --filter=\"zone~^{c.Region}\"`.", Severity.Warning);
                    break;
            }

            if (GpuAccelerators.MachineMismatch(a.Type, a.Count, pools[i].MachineType) is { } why)
            {
                ctx.Stack(RuleCatalog.AcceleratorMachineType, $"{pool}.machineType",
                    $"`{pool}.machineType` is `{pools[i].MachineType}` with `accelerator: {{type: {a.Type}, count: {a.Count}}}`: {why}.");
            }
        }

        if (c.Cluster.Provider != ClusterProvider.Gke || pools.Count == 0)
        {
            return;
        }

        if (pools.All(p => p.Sandbox))
        {
            ctx.Stack(RuleCatalog.SandboxOnlyPool, $"{RuleContext.Ns}cluster.nodePools",
                $"`{RuleContext.Ns}cluster.nodePools`: every pool ({string.Join(", ", pools.Select(p => $"`{p.Name}`"))}) has `sandbox: true`.");
        }
        else if (!pools.Any(HostsSystemPods))
        {
            var why = pools.Select(p => p.Sandbox ? $"`{p.Name}` (sandbox)" : $"`{p.Name}` (taint `{p.Taints.First(Repels).Key}`)");
            ctx.Stack(RuleCatalog.NoSystemPool, $"{RuleContext.Ns}cluster.nodePools",
                $"`{RuleContext.Ns}cluster.nodePools`: no pool takes pods without tolerations: {string.Join(", ", why)}.");
        }
    }

    /// <summary>A taint that keeps pods without a matching toleration off the node.</summary>
    private static bool Repels(NodeTaint taint) => taint.Effect is TaintEffect.NoSchedule or TaintEffect.NoExecute;

    /// <summary>Whether the cluster's system pods (which tolerate no taint of ours, nor GKE Sandbox's) can run on the pool.</summary>
    private static bool HostsSystemPods(NodePoolConfig pool) => !pool.Sandbox && !pool.Taints.Any(Repels);

    private static void Model(RuleContext ctx, TeamConfig team, ModelConfig model, string path)
    {
        var pools = ctx.Config.Cluster.NodePools;
        NodePoolConfig? pool = null;
        if (model.NodePool is { } name)
        {
            pool = pools.FirstOrDefault(p => p.Name == name);
            if (pool is null)
            {
                var names = pools.Select(p => p.Name).ToList();
                ctx.Team(team, RuleCatalog.UnknownNodePool, $"{path}.nodePool",
                    $"`{path}.nodePool` is `{name}`, but `{RuleContext.Ns}cluster.nodePools` has {string.Join(", ", names.Select(n => $"`{n}`"))}.{DidYouMean.Hint(name, names)}",
                    DidYouMean.Suggest(name, names) is { } s ? $"Use `nodePool: {s}`." : null);
            }
        }

        var gpus = model.Resources?.Gpu ?? 0;
        if (gpus > 0)
        {
            var accelerators = pools.Where(p => p.Accelerator is not null).ToList();
            if (accelerators.Count == 0)
            {
                ctx.Team(team, RuleCatalog.GpuModelWithoutAcceleratorPool, $"{path}.resources.gpu",
                    $"`{path}.resources.gpu` is {gpus} for model `{model.Name}`, but no node pool of the stack has an `accelerator`.");
            }
            else if (pool is not null && pool.Accelerator is null)
            {
                ctx.Team(team, RuleCatalog.GpuModelWithoutAcceleratorPool, $"{path}.nodePool",
                    $"`{path}.nodePool` is `{pool.Name}`, a pool without an accelerator, for model `{model.Name}` with `resources.gpu: {gpus}`.",
                    $"Use an accelerator pool: {string.Join(", ", accelerators.Select(p => $"`{p.Name}`"))}.");
            }
            else if ((pool is null ? accelerators.Max(p => p.Accelerator!.Count) : pool.Accelerator!.Count) is var perNode && gpus > perNode)
            {
                ctx.Team(team, RuleCatalog.GpuModelWithoutAcceleratorPool, $"{path}.resources.gpu",
                    $"`{path}.resources.gpu` is {gpus}, but a node of {(pool is null ? "any accelerator pool" : $"pool `{pool.Name}`")} has at most {perNode}.",
                    "Lower `resources.gpu`, or add a pool whose nodes carry that many GPUs.");
            }
        }

        var sandboxPools = pools.Where(p => p.Sandbox).ToList();
        if (model.Sandbox && pool is null && sandboxPools.Count == 0)
        {
            ctx.Team(team, RuleCatalog.SandboxPlacement, $"{path}.sandbox",
                $"`{path}.sandbox` is `true` for model `{model.Name}`, but no node pool of the stack has `sandbox: true`.");
        }
        else if (model.Sandbox && pool is { Sandbox: false })
        {
            ctx.Team(team, RuleCatalog.SandboxPlacement, $"{path}.nodePool",
                $"`{path}.nodePool` is `{pool.Name}`, which has no `sandbox: true`, for model `{model.Name}` with `sandbox: true`.",
                sandboxPools.Count > 0 ? $"Use a sandbox pool: {string.Join(", ", sandboxPools.Select(p => $"`{p.Name}`"))}." : null);
        }
        else if (!model.Sandbox && pool is { Sandbox: true })
        {
            ctx.Team(team, RuleCatalog.SandboxPlacement, $"{path}.nodePool",
                $"`{path}.nodePool` is `{pool.Name}`, a GKE Sandbox pool, but model `{model.Name}` has no `sandbox: true`.",
                "Add `sandbox: true` to the model, or place it on another pool.");
        }

        if (!model.Sandbox && ctx.Config.IsProduction && ctx.Config.Cluster.Provider == ClusterProvider.Gke)
        {
            ctx.Team(team, RuleCatalog.ModelNotSandboxedInProd, $"{path}.sandbox",
                $"`{path}.sandbox` is not `true` for model `{model.Name}` in production stack `{ctx.Config.Stack}`, so it runs outside gVisor.",
                sandboxPools.Count > 0 ? null : $"Set `sandbox: true` on the model and add a node pool with `sandbox: true` to `{RuleContext.Ns}cluster.nodePools` (the stack has none), or acknowledge it.");
        }

        if (model.MinReplicas == 0 && model.Activator == ActivatorMode.Off)
        {
            ctx.Team(team, RuleCatalog.ScaleToZeroWithoutActivator, $"{path}.minReplicas",
                $"`{path}.minReplicas` is 0 for model `{model.Name}`, whose `activator` is `\"off\"`.");
        }
    }

    /// <summary>Only what the files state: each model's <c>minReplicas</c> (KServe's default 1) times its <c>resources</c>.</summary>
    private static void Quota(RuleContext ctx, TeamConfig team)
    {
        var quota = team.Quota;
        var written = ctx.Sources.Has(team.SourceFile, "quota");

        // Saturating sums: a hostile file's replicas times its quantities must give a finding, not an overflow.
        var pods = Total(team.Models.Select(m => (decimal)m.EffectiveMinReplicas));
        var gpus = Total(team.Models.Select(m => Times(m.EffectiveMinReplicas, m.Resources?.Gpu ?? 0)));
        var cores = Total(team.Models.Select(m => Times(m.EffectiveMinReplicas, ResourceQuantity.Cores(m.Resources?.Cpu) ?? 0m)));
        var bytes = Total(team.Models.Select(m => Times(m.EffectiveMinReplicas, ResourceQuantity.Bytes(m.Resources?.Memory) ?? 0m)));

        void Over(string what, string need, string have, string subKey) =>
            ctx.Team(team, RuleCatalog.QuotaTooSmall, written ? $"quota.{subKey}" : "quota",
                $"Team `{team.Team}`'s models need at least {need} {what} at their minimum replicas, more than {(written ? $"`quota.{subKey}`" : "the default quota (the team file has no `quota`)")} allows ({have}).",
                $"Set `quota.{subKey}` to at least {need}, or lower the models' `minReplicas`{(subKey == "pods" ? "" : $" or `resources.{subKey}`")}.");

        if (gpus > quota.Gpu)
        {
            Over("GPUs", gpus.ToString(CultureInfo.InvariantCulture), quota.Gpu.ToString(CultureInfo.InvariantCulture), "gpu");
        }

        if (pods > quota.Pods)
        {
            Over("pods", pods.ToString(CultureInfo.InvariantCulture), quota.Pods.ToString(CultureInfo.InvariantCulture), "pods");
        }

        if (ResourceQuantity.Cores(quota.Cpu) is { } quotaCores && cores > quotaCores)
        {
            Over("CPU", cores.ToString(CultureInfo.InvariantCulture), quota.Cpu, "cpu");
        }

        if (ResourceQuantity.Bytes(quota.Memory) is { } quotaBytes && bytes > quotaBytes)
        {
            Over("bytes of memory", $"{Math.Ceiling(bytes / (1024m * 1024m * 1024m)).ToString(CultureInfo.InvariantCulture)}Gi", quota.Memory, "memory");
        }
    }

    /// <summary><paramref name="a"/> × <paramref name="b"/>, or <see cref="decimal.MaxValue"/> when it does not fit.</summary>
    private static decimal Times(decimal a, decimal b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }

    /// <summary>The sum of <paramref name="values"/>, or <see cref="decimal.MaxValue"/> when it does not fit.</summary>
    private static decimal Total(IEnumerable<decimal> values)
    {
        var total = 0m;
        foreach (var value in values)
        {
            if (value > decimal.MaxValue - total)
            {
                return decimal.MaxValue;
            }

            total += value;
        }

        return total;
    }

    private static void Members(RuleContext ctx, TeamConfig team)
    {
        for (var i = 0; i < team.Members.Count; i++)
        {
            if (TeamMemberAccess.Unbindable(ctx.Config, team.Members[i]) is { } why)
            {
                var member = ctx.TeamItem(team, "members", i);
                ctx.Team(team, RuleCatalog.TeamMemberNotBound, member,
                    $"`{member}` `{team.Members[i]}` gets no Kubernetes access to namespace `{team.Namespace}`: {why}.");
            }
        }
    }
}
