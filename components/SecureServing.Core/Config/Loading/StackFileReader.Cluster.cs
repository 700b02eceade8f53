using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Loading;

/// <summary>The cluster and its node pools (<c>secure-serving:cluster</c>); its hardening keys are read in <c>StackFileReader.Hardening.cs</c>.</summary>
internal static partial class StackFileReader
{
    private static ClusterConfig ReadCluster(YamlMap config, string deploymentName, bool isProduction, string region)
    {
        var cl = config.Map(Namespace + "cluster");
        var provider = cl?.Enum(StackFileContract.Cluster.Provider) ?? StackFileContract.Cluster.Provider.Default;

        var networks = new List<AuthorizedNetwork>();
        var networkPaths = new List<string>();
        foreach (var (node, path) in cl?.Items("masterAuthorizedNetworks") ?? [])
        {
            if (YamlMap.Of(node, path, config.Ctx, "a map `{cidr, name}`", StackFileContract.Cluster.AuthorizedNetwork) is { } m)
            {
                networks.Add(new AuthorizedNetwork(m.String("cidr", required: true) ?? "", m.String("name") ?? $"network-{networks.Count}"));
                networkPaths.Add(path);
                m.Finish();
            }
        }

        cl?.Kept("masterAuthorizedNetworks", networkPaths);

        var pools = new List<NodePoolConfig>();
        var poolPaths = new List<string>();
        if (cl?.Value("nodePools") is null)
        {
            pools.Add(new NodePoolConfig { Name = StackFileContract.Cluster.DefaultPoolName });
        }

        foreach (var (node, path) in cl?.Items("nodePools") ?? [])
        {
            if (YamlMap.Of(node, path, config.Ctx, shape: StackFileContract.Cluster.NodePool) is { } m)
            {
                var pool = new NodePoolConfig { Name = m.String("name", required: true) ?? "" };
                pool = pool with
                {
                    MachineType = m.String("machineType") ?? pool.MachineType,
                    MinNodes = m.Int("minNodes") ?? pool.MinNodes,
                    MaxNodes = m.Int("maxNodes") ?? pool.MaxNodes,
                    DiskSizeGb = m.Int("diskSizeGb") ?? pool.DiskSizeGb,
                    Spot = m.Bool("spot") ?? pool.Spot,
                };
                pool = ReadNodePoolHardening(m, pool);
                pool = WorkloadReader.Pool(m, pool);
                if (pool.MaxNodes < 1 || pool.MinNodes > pool.MaxNodes)
                {
                    config.Ctx.Report(RuleCatalog.InvalidValue, KeyPaths.Child(path, "maxNodes"), null,
                        $"`{path}` has minNodes {pool.MinNodes} and maxNodes {pool.MaxNodes}; maxNodes must be at least 1 and at least minNodes.",
                        "Set maxNodes >= minNodes >= 0.");
                }

                var disk = StackFileContract.Cluster.DiskSizeGb;
                if (pool.DiskSizeGb < disk.Minimum)
                {
                    config.Ctx.Report(RuleCatalog.InvalidValue, KeyPaths.Child(path, "diskSizeGb"), null,
                        $"`{KeyPaths.Child(path, "diskSizeGb")}` is {pool.DiskSizeGb}; GKE needs at least {disk.Minimum} GB.", $"Set diskSizeGb to {disk.Minimum} or more ({disk.Default} is the default).");
                    pool = pool with { DiskSizeGb = disk.Default };
                }

                Check(m, "machineType", m.Has("machineType") ? pool.MachineType : null, Formats.MachineType().IsMatch, "a Compute Engine machine type such as `e2-standard-4`");
                pools.Add(pool);
                poolPaths.Add(path);
                m.Finish();
            }
        }

        cl?.Kept("nodePools", poolPaths);

        if (provider == ClusterProvider.Gke && pools.Count == 0 && cl?.Value("nodePools") is not null)
        {
            config.Ctx.Report(RuleCatalog.InvalidValue, cl.Child("nodePools"), null, $"`{cl.Child("nodePools")}` is empty; a GKE cluster needs at least one node pool.", "Add a node pool, or remove `nodePools` for the default one.");
        }

        var writtenNotSecret = false;
        var kubeconfig = cl?.Secret("kubeconfig", Namespace + "cluster", "kubeconfig", out writtenNotSecret);
        if (provider == ClusterProvider.Existing && kubeconfig is null && !writtenNotSecret)
        {
            config.Ctx.Report(RuleCatalog.KubeconfigMissing, KeyPaths.Child(Namespace + "cluster", "kubeconfig"), null,
                $"`{Namespace}cluster.provider` is `existing` but `{Namespace}cluster.kubeconfig` is not set as a Pulumi secret.");
        }

        var result = new ClusterConfig
        {
            Provider = provider,
            Name = cl?.String("name") ?? $"{deploymentName}-gke",
            ReleaseChannel = cl?.Enum(StackFileContract.Cluster.ReleaseChannel) ?? StackFileContract.Cluster.ReleaseChannel.Default,
            Endpoint = cl?.Enum(StackFileContract.Cluster.Endpoint) ?? StackFileContract.Cluster.Endpoint.Default,
            MasterAuthorizedNetworks = networks,
            NodePools = pools,
            DeletionProtection = cl?.Bool("deletionProtection") ?? StackFileContract.Cluster.DeletionProtection.Default,
            NodeTag = cl?.String("nodeTag") ?? $"{deploymentName}-node",
            Kubeconfig = kubeconfig,
        };
        result = ReadClusterHardening(cl, result, isProduction, region);
        cl?.Finish();
        return result;
    }
}
