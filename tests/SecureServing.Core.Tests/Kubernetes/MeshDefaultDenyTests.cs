using System.Net;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Access;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>
/// The mesh denies by default and every intended path still works, judged by the core access evaluator through both
/// layers (Istio authorization and NetworkPolicy) on the rendered plan of the shipped stacks and of variants the shipped
/// stacks leave out: every caller of every model (the access matrix), and the platform's own paths outside it (DNS,
/// istiod, Google APIs, the metadata server, health checks, net-istio's probes, the activator and autoscaler, the
/// webhooks the API server calls).
/// </summary>
public sealed class MeshDefaultDenyTests
{
    /// <summary>The queue-proxy port every request to a Knative revision enters on.</summary>
    private const int ModelPort = 8012;

    public static TheoryData<string> Stacks =>
        ["shipped dev", "shipped prod", "dev with a team without isolation", "prod with the activator on", "dev without IAP", "dev with a model without a sidecar"];

    /// <summary>
    /// Per stack, as literals: whether the activator is open to every pod (some model admits whatever it forwards:
    /// activator on, no sidecar or no isolation) and whether the local gateway is open to the mesh.
    /// </summary>
    public static TheoryData<string, bool, bool> Openings => new()
    {
        { "shipped dev", true, false },
        { "shipped prod", false, false },
        { "dev with a team without isolation", true, false },
        { "prod with the activator on", true, false },
        { "dev without IAP", false, false },
        { "dev with a model without a sidecar", true, false },
    };

    [Fact]
    public void The_openings_cover_every_stack()
    {
        Assert.Equal(((IEnumerable<object[]>)Stacks).Select(row => (string)row[0]), ((IEnumerable<object[]>)Openings).Select(row => (string)row[0]));
    }

    private static PlatformConfig Config(string name) => name switch
    {
        "shipped dev" => AccessKit.Shipped("dev", includeAccess: true),
        "shipped prod" => AccessKit.Shipped("prod", includeAccess: true),
        "dev with a team without isolation" => TestConfigs.Dev().WithTeams(
            TestConfigs.Team(),
            TestConfigs.Team("open", "open-models", TestConfigs.Model("public-demo", ActivatorMode.On)) with { Authorization = false }),
        // Without Dex: a request the activator forwards carries no Dex identity the model's policy could check.
        "prod with the activator on" => (TestConfigs.Prod() with { Mesh = TestConfigs.Prod().Mesh with { Dex = null } }).WithTeams(
            TestConfigs.Team(models: [TestConfigs.Model("burst", ActivatorMode.On, iap: false), TestConfigs.Model("steady", iap: false)]) with
            {
                AllowedNamespaces = ["risk-batch"],
                Acknowledgements = [new Acknowledgement("activator-bypasses-isolation", "burst scales to zero at night")],
            }),
        "dev without IAP" => TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = false } },
        "dev with a model without a sidecar" => TestConfigs.Dev().WithTeams(
            TestConfigs.Team(models: [TestConfigs.Model("legacy", iap: false) with { SidecarInjection = false }, TestConfigs.Model()]) with
            {
                Acknowledgements = [new Acknowledgement("sidecar-off-with-authorization", "legacy runtime without a proxy")],
            },
            TestConfigs.Team("ads", "ads-models")),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The cluster as the plan leaves it, how the plan's cluster enforces NetworkPolicy, and the pods on the paths.</summary>
    private sealed class Cluster
    {
        public Cluster(PlatformConfig config)
        {
            Config = config;
            State = ClusterState.Build(PlanOf(config));
            Enforcement = NetworkPolicyEnforcement.Of(GcpPlanner.Plan(config));
        }

        public PlatformConfig Config { get; }

        public ClusterState State { get; }

        public NetworkPolicyEnforcement Enforcement { get; }

        public Workload PublicGateway => Gateway(PublicGatewayWorkload.SelectorValue);

        public Workload LocalGateway => Gateway(IngressGatewayWorkload.SelectorValue);

        public Workload Activator => Installed("activator");

        public Workload Autoscaler => Installed("autoscaler");

        public Workload Model(TeamConfig team, ModelConfig model) =>
            State.Models.Single(m => m.InferenceService.Namespace == team.Namespace && m.InferenceService.Name == model.Name).Pods;

        private Workload Installed(string name) => State.Workloads.Single(w => w.Name == name && w.Role != WorkloadRole.Model);

        private Workload Gateway(string selector) =>
            State.Workloads.Single(w => w.Role == WorkloadRole.Gateway && w.Labels.GetValueOrDefault(PublicGatewayWorkload.SelectorKey) == selector);

        /// <summary>Whether NetworkPolicy and the destination's proxy both admit the request: allowed, denied or unknown, and by what.</summary>
        public (Outcome Outcome, string Why) Request(Workload client, Workload server, int port, string path = "/", string protocol = "TCP")
        {
            var network = NetworkPolicies.Decide(State, Enforcement, client, server, port, protocol);
            if (network.Outcome != Outcome.Allowed || !server.Proxied || protocol != "TCP")
            {
                return (network.Outcome, network.Why);
            }

            // In the mesh, sidecars and the gateways' mTLS servers know their caller; from outside (or without a proxy) nobody does.
            var peer = client.HasSidecar || client.Role == WorkloadRole.Gateway ? new Peer(client.Principal, client.Namespace) : Peer.Unauthenticated;
            var mesh = AuthorizationPolicies.Decide(State, server, new AuthzContext(peer, null, HttpRequest.Create("h", path), port));
            return (mesh.Outcome, mesh.Why);
        }

        public Outcome ToAddress(Workload client, string cidr, int port) =>
            NetworkPolicies.Decide(State, Enforcement, NetworkPeer.Of(State, client), NetworkPeer.At(cidr, IPNetwork.Parse(cidr)), port).Outcome;
    }

    private static Workload Pods(string ns, string key, string value, bool proxied = true) => AccessKit.Pod(ns, value, [(key, value)], proxied);

    private static Workload Team(string ns) => CallerPods.InNamespace(ns, sidecar: true);

    private static Workload Outside(string label, IEnumerable<string> cidrs) =>
        CallerPods.Outside(label, new OutsideAddresses([.. cidrs.Select(IPNetwork.Parse)], label));

    private static readonly Workload Intruder = CallerPods.InNamespace("intruder", sidecar: true);

    private static void Reaches(Cluster cluster, Workload client, Workload server, int port, string path, string what) =>
        Assert.True(cluster.Request(client, server, port, path) is { Outcome: Outcome.Allowed }, $"{what} is refused: {cluster.Request(client, server, port, path).Why}");

    private static void Refused(Cluster cluster, Workload client, Workload server, int port, string path, string what) =>
        Assert.True(cluster.Request(client, server, port, path) is { Outcome: Outcome.Denied }, $"{what} is not refused: {cluster.Request(client, server, port, path).Why}");

    [Fact]
    public void The_root_namespace_holds_an_allow_nothing_policy()
    {
        var cluster = new Cluster(TestConfigs.Dev());
        var deny = PlanOf(TestConfigs.Dev()).Single("AuthorizationPolicy", "istio-system", "default-deny");

        Assert.Equal("{}", deny.At("spec")!.ToJsonString());
        // Without any other policy, a workload with a sidecar in an unmanaged namespace is refused.
        var refused = cluster.Request(Intruder, Pods("batch-jobs", "app", "x"), 8080);
        Assert.Equal(Outcome.Denied, refused.Outcome);
        Assert.Contains("istio-system/default-deny", refused.Why, StringComparison.Ordinal);
    }

    /// <summary>
    /// The access matrix with both layers in place: every caller (team and listed namespaces, a namespace nobody lists,
    /// the activator, Knative's probes, the cluster-local gateways, pods outside the mesh, IAP members and outsiders,
    /// foreign IAP JWTs) gets exactly what the team and stack files allow, and nothing is left unknown.
    /// </summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_caller_of_every_model_gets_exactly_what_the_files_allow(string stack)
    {
        var config = Config(stack);
        var plan = PlanOf(config);

        var report = AccessCheck.Evaluate(config);

        Assert.NotNull(plan.Find("AuthorizationPolicy", "istio-system", "default-deny"));
        Assert.All(config.Teams, t => Assert.NotNull(plan.Find("NetworkPolicy", t.Namespace, "default-deny")));
        Assert.True(report.MatchesIntent, string.Join("\n", report.Differences.Select(d => d.Summary)));
        var unknown = report.Matrix.Models.SelectMany(m => m.Cells.SelectMany(c => new[] { c.Predict, c.Probe }).Where(d => d.Outcome == Outcome.Unknown).Select(d => $"{m.Model.Key}: {d.Why}")).ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_platforms_own_paths_still_work(string stack)
    {
        var cluster = new Cluster(Config(stack));
        var config = cluster.Config;
        var kubeDns = Pods("kube-system", "k8s-app", "kube-dns", proxied: false);
        var istiod = Pods("istio-system", "app", "istiod", proxied: false);

        foreach (var team in config.Teams)
        {
            var pod = Team(team.Namespace);

            // Callers reach the activator, which is on the request path of activator-on models and of cold ones.
            Reaches(cluster, pod, cluster.Activator, 8012, "/", $"{team.Namespace} -> activator");
            foreach (var allowed in team.AllowedNamespaces)
            {
                Reaches(cluster, Team(allowed), cluster.Activator, 8012, "/", $"{allowed} -> activator");
            }

            // Every model pod reaches DNS, istiod and Google APIs (model download, Workload Identity tokens).
            Assert.Equal(Outcome.Allowed, cluster.Request(pod, kubeDns, 53, protocol: "UDP").Outcome);
            Assert.Equal(Outcome.Allowed, cluster.Request(pod, istiod, 15012).Outcome);
            Assert.Equal(Outcome.Allowed, cluster.ToAddress(pod, "199.36.153.4/32", 443));
            Assert.Equal(Outcome.Allowed, cluster.ToAddress(pod, "169.254.169.254/32", 80));
            Assert.Equal(Outcome.Allowed, cluster.ToAddress(pod, "169.254.169.252/32", 988));

            foreach (var model in team.Models)
            {
                // Kubelet probes are node-local (always allowed); Knative's autoscaler scrapes the queue-proxy's metrics.
                Reaches(cluster, cluster.Autoscaler, cluster.Model(team, model), 9090, "/metrics", $"autoscaler -> {model.Name} metrics");
            }
        }

        // Google's health checks of the public gateway, net-istio's probes of the local gateway, the gateways to the
        // activator, the activator to the autoscaler, the API server to the webhooks.
        Reaches(cluster, Outside("Google's health checks", GoogleRanges.HealthCheckRanges), cluster.PublicGateway, 80, "/healthz", "health check -> public gateway");
        Reaches(cluster, cluster.Activator, cluster.LocalGateway, 8081, "/healthz", "net-istio probe -> local gateway");
        Reaches(cluster, cluster.PublicGateway, cluster.Activator, 8012, "/", "public gateway -> activator");
        Reaches(cluster, cluster.LocalGateway, cluster.Activator, 8012, "/", "local gateway -> activator");
        Reaches(cluster, cluster.Activator, cluster.Autoscaler, 8080, "/", "activator -> autoscaler");
        var apiServer = Outside("the control plane", [config.Network.MasterCidr]);
        Reaches(cluster, apiServer, Pods("knative-serving", "app", "webhook"), 8443, "/", "API server -> Knative webhook");
        Reaches(cluster, apiServer, Pods("kserve", "control-plane", "kserve-controller-manager"), 9443, "/", "API server -> KServe webhook");
    }

    [Theory]
    [MemberData(nameof(Openings))]
    public void Unintended_callers_of_the_platform_are_refused(string stack, bool activatorOpen, bool localGatewayOpen)
    {
        var cluster = new Cluster(Config(stack));
        var config = cluster.Config;
        Assert.Equal(activatorOpen, MeshDefaultDeny.ActivatorCallers(config).Count == 0);
        Assert.Equal(localGatewayOpen, LocalGatewayCallers.IsOpen(config.Mesh));

        foreach (var team in config.Teams)
        {
            if (config.Network.Egress == EgressMode.Restricted)
            {
                Assert.Equal(Outcome.Denied, cluster.ToAddress(Team(team.Namespace), "8.8.8.8/32", 443));
            }

            Assert.Equal(Outcome.Denied, cluster.Request(Team(team.Namespace), Pods("kube-system", "k8s-app", "metrics-server", proxied: false), 443).Outcome);
        }

        // The activator is narrowed to the namespaces that may call a model, unless some model admits whatever it
        // forwards (activator on, no sidecar, no isolation): then any pod may reach it, as the team's file accepts.
        if (!activatorOpen)
        {
            Refused(cluster, Intruder, cluster.Activator, 8012, "/", "intruder -> activator");
        }
        else
        {
            Assert.Contains(config.Teams, t => !t.Authorization || t.Models.Any(m => m.Activator == ActivatorMode.On || !m.SidecarInjection));
            Reaches(cluster, Intruder, cluster.Activator, 8012, "/", "intruder -> activator, with a model the activator may forward anyone to");
        }

        Refused(cluster, Outside("a caller without identity", ["10.0.0.0/8"]), cluster.Autoscaler, 8080, "/", "a caller without identity -> autoscaler");
        Refused(cluster, Intruder, cluster.Autoscaler, 8080, "/", "intruder -> autoscaler");
        if (config.Iap.Enabled)
        {
            Refused(cluster, Outside("Google's load balancer without IAP's JWT", GoogleRanges.HealthCheckRanges), cluster.PublicGateway, 80, "/kfserving/x/y:predict", "no IAP JWT -> public gateway");
        }

        if (!localGatewayOpen)
        {
            Refused(cluster, Intruder, cluster.LocalGateway, 8081, "/", "intruder -> local gateway");
        }

        Refused(cluster, Intruder, Pods("knative-serving", "app", "webhook"), 9090, "/metrics", "intruder -> Knative webhook metrics");
    }

    [Fact]
    public void A_team_without_isolation_stays_open_to_every_caller_under_the_default_deny()
    {
        var config = Config("dev with a team without isolation");
        var cluster = new Cluster(config);
        var open = config.Teams.Single(t => !t.Authorization);
        var report = AccessCheck.Evaluate(config);

        Assert.Equal(Outcome.Allowed, SecureServing.Core.Tests.Access.AccessKit.Predict(report, $"{open.Namespace}/{open.Models[0].Name}", "namespace:unlisted-namespace"));
        Reaches(cluster, Intruder, cluster.Model(open, open.Models[0]), ModelPort, "/v1/models/x:predict", "intruder -> open team's model");
        Reaches(cluster, Intruder, cluster.Activator, 8012, "/", "intruder -> activator (a team without isolation has an activator model)");
        Assert.Empty(MeshDefaultDeny.ActivatorCallers(config));
    }
}
