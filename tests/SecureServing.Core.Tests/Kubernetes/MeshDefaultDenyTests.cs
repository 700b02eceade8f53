using System.Net;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using static SecureServing.Core.Tests.Kubernetes.PlanQueries;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>
/// The mesh denies by default and every intended path still works, through both layers (Istio authorization and
/// NetworkPolicy), on the rendered plan of the shipped stacks and of variants the shipped stacks leave out.
/// </summary>
public sealed class MeshDefaultDenyTests
{
    private static readonly Pod PublicGateway = Pod.In(SystemNamespaces.IstioSystem, ("istio", "public-gateway")) with { ServiceAccount = PublicGatewayWorkload.ServiceAccount };
    private static readonly Pod LocalGateway = Pod.In(SystemNamespaces.IstioSystem, ("istio", "ingressgateway")) with { ServiceAccount = IngressGatewayWorkload.ServiceAccount };
    private static readonly Pod Activator = Pod.In(SystemNamespaces.KnativeServing, ("app", "activator"));
    private static readonly Pod Autoscaler = Pod.In(SystemNamespaces.KnativeServing, ("app", "autoscaler"));
    private static readonly Pod KnativeWebhook = Pod.In(SystemNamespaces.KnativeServing, ("app", "webhook"));
    private static readonly Pod KserveController = Pod.In(SystemNamespaces.Kserve, ("control-plane", "kserve-controller-manager"));
    private static readonly Pod Istiod = Pod.In(SystemNamespaces.IstioSystem, ("app", "istiod"));
    private static readonly Pod KubeDns = Pod.In("kube-system", ("k8s-app", "kube-dns"));
    private static readonly Pod Intruder = Pod.In("intruder");

    /// <summary>The queue-proxy port every request to a Knative revision enters on.</summary>
    private const int ModelPort = 8012;

    public static TheoryData<string> Stacks => ["shipped dev", "shipped prod", "dev with a team without isolation", "prod with the activator on", "dev without IAP"];

    private static PlatformConfig Config(string name) => name switch
    {
        "shipped dev" => ShippedStack("dev"),
        "shipped prod" => ShippedStack("prod"),
        "dev with a team without isolation" => TestConfigs.Dev().WithTeams(
            TestConfigs.Team(),
            TestConfigs.Team("open", "open-models", TestConfigs.Model("public-demo", ActivatorMode.On)) with { Authorization = false }),
        "prod with the activator on" => TestConfigs.Prod().WithTeams(
            TestConfigs.Team(models: [TestConfigs.Model("burst", ActivatorMode.On, iap: false), TestConfigs.Model("steady", iap: false)]) with { AllowedNamespaces = ["risk-batch"] }),
        "dev without IAP" => TestConfigs.Dev() with { Iap = TestConfigs.Dev().Iap with { Enabled = false } },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static PlatformConfig ShippedStack(string stack) =>
        Validation.StackCheck.Run(SecureServing.Core.Tests.Config.TempRepo.RepoRoot(), stack).Config ?? throw new Xunit.Sdk.XunitException($"shipped {stack} does not pass check");

    private static Pod ModelPod(TeamConfig team, ModelConfig model, bool sidecar = true) =>
        new(team.Namespace, new Dictionary<string, string> { [ModelCallers.PodLabel] = model.Name }, sidecar);

    private static void Reaches(KubernetesPlan plan, Call call, string what)
    {
        Assert.True(Reachability.MeshAllows(plan, call), $"mesh refuses {what}");
        Assert.True(Reachability.NetworkAllows(plan, call), $"network refuses {what}");
    }

    private static void Refused(KubernetesPlan plan, Call call, string what) =>
        Assert.False(Reachability.MeshAllows(plan, call) && Reachability.NetworkAllows(plan, call), $"{what} gets through");

    [Fact]
    public void The_root_namespace_holds_an_allow_nothing_policy()
    {
        var deny = PlanOf(TestConfigs.Dev()).Single("AuthorizationPolicy", "istio-system", "default-deny");

        Assert.Equal("{}", deny.At("spec")!.ToJsonString());
        // Without any other policy, a workload with a sidecar in an unmanaged namespace is refused.
        Assert.False(Reachability.MeshAllows(PlanOf(TestConfigs.Dev()), new Call(Pod.In("fraud-models"), Pod.In("batch-jobs", ("app", "x")), 8080)));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_intended_path_still_works(string stack)
    {
        var config = Config(stack);
        var plan = PlanOf(config);

        foreach (var team in config.Teams)
        {
            var teamPod = Pod.In(team.Namespace, ("app", "client"));
            foreach (var model in team.Models.Where(m => m.SidecarInjection))
            {
                var dest = ModelPod(team, model);
                var token = true;
                Reaches(plan, new Call(teamPod, dest, ModelPort, "/v1/models/x:predict"), $"{team.Namespace} -> {model.Name}");
                foreach (var allowed in team.AllowedNamespaces)
                {
                    Reaches(plan, new Call(Pod.In(allowed, ("app", "client")), dest, ModelPort, "/v1/models/x:predict"), $"{allowed} -> {model.Name}");
                }

                foreach (var probe in TeamIsolation.KnativeSystemPaths)
                {
                    Reaches(plan, new Call(Activator, dest, ModelPort, probe), $"knative probe {probe} -> {model.Name}");
                    Reaches(plan, new Call(Autoscaler, dest, 9090, probe), $"autoscaler {probe} -> {model.Name}");
                }

                if (model.Activator == ActivatorMode.On || !team.Authorization)
                {
                    Reaches(plan, new Call(Activator, dest, ModelPort, "/v1/models/x:predict", token), $"activator -> {model.Name}");
                }

                foreach (var principal in team.Authorization ? ModelCallers.GatewayPrincipalsFor(config, model) : [GatewayPrincipals.Public, GatewayPrincipals.Local])
                {
                    var gateway = principal == GatewayPrincipals.Public ? PublicGateway : LocalGateway;
                    Reaches(plan, new Call(gateway, dest, ModelPort, "/v1/models/x:predict", token), $"{principal} -> {model.Name}");
                }
            }

            // Callers reach the activator, which is on the request path of activator-on models and of cold ones.
            Reaches(plan, new Call(teamPod, Activator, 8012), $"{team.Namespace} -> activator");
            foreach (var allowed in team.AllowedNamespaces)
            {
                Reaches(plan, new Call(Pod.In(allowed, ("app", "client")), Activator, 8012), $"{allowed} -> activator");
            }

            // Every model pod reaches DNS, istiod and Google APIs (model download, Workload Identity tokens).
            Assert.True(Reachability.EgressToPod(plan, teamPod, KubeDns, 53, "UDP"), $"{team.Namespace}: DNS");
            Assert.True(Reachability.NetworkAllows(plan, new Call(teamPod, Istiod, 15012)), $"{team.Namespace}: istiod");
            Assert.True(Reachability.EgressToAddress(plan, teamPod, IPAddress.Parse("199.36.153.4"), 443), $"{team.Namespace}: restricted VIP");
            Assert.True(Reachability.EgressToAddress(plan, teamPod, IPAddress.Parse("169.254.169.254"), 80), $"{team.Namespace}: GKE metadata server");
        }

        // The platform's own paths: the front door (with IAP's JWT when IAP is on), the IAP path route's second hop,
        // Knative's gateway probes, the gateways to the activator.
        Reaches(plan, new Call(null, PublicGateway, 8080, "/kfserving/x/y:predict", Jwt: true), "load balancer -> public gateway");
        Reaches(plan, new Call(null, PublicGateway, 8080, "/healthz"), "health probe -> public gateway");
        if (config.Iap.Enabled)
        {
            Reaches(plan, new Call(PublicGateway, LocalGateway, 8081), "public gateway -> local gateway");
        }

        Reaches(plan, new Call(Activator, LocalGateway, 8081, "/healthz"), "net-istio probe -> local gateway");
        Reaches(plan, new Call(PublicGateway, Activator, 8012), "public gateway -> activator");
        Reaches(plan, new Call(LocalGateway, Activator, 8012), "local gateway -> activator");
        Reaches(plan, new Call(Activator, Autoscaler, 8080), "activator -> autoscaler");
        Reaches(plan, new Call(null, KnativeWebhook, 8443), "API server -> Knative webhook");
        Reaches(plan, new Call(null, KserveController, 9443), "API server -> KServe webhook");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Unintended_callers_are_refused(string stack)
    {
        var config = Config(stack);
        var plan = PlanOf(config);

        foreach (var team in config.Teams.Where(t => t.Authorization))
        {
            foreach (var model in team.Models.Where(m => m.SidecarInjection))
            {
                Refused(plan, new Call(Intruder, ModelPod(team, model), ModelPort, "/v1/models/x:predict"), $"intruder -> {model.Name}");
                if (model.Activator == ActivatorMode.Off)
                {
                    Refused(plan, new Call(Activator, ModelPod(team, model), ModelPort, "/v1/models/x:predict"), $"activator -> activator-off {model.Name}");
                }
            }

            // A team's pods reach no namespace that does not admit them.
            foreach (var other in config.Teams.Where(o => o.Authorization && o.Namespace != team.Namespace && !o.AllowedNamespaces.Contains(team.Namespace)))
            {
                foreach (var model in other.Models.Where(m => m.SidecarInjection))
                {
                    Refused(plan, new Call(Pod.In(team.Namespace, ("app", "client")), ModelPod(other, model), ModelPort), $"{team.Namespace} -> {other.Namespace}/{model.Name}");
                }
            }

            if (config.Network.Egress == EgressMode.Restricted)
            {
                Assert.False(Reachability.EgressToAddress(plan, Pod.In(team.Namespace), IPAddress.Parse("8.8.8.8"), 443), $"{team.Namespace} reaches the internet");
            }
        }

        // The activator is narrowed to the namespaces that may call a model, unless some model admits whatever it
        // forwards (activator on, no sidecar, no isolation): then any pod may reach it, as the team's file accepts.
        if (MeshDefaultDeny.ActivatorCallers(config).Count > 0)
        {
            Refused(plan, new Call(Intruder, Activator, 8012), "intruder -> activator");
        }
        else
        {
            Assert.Contains(config.Teams, t => !t.Authorization || t.Models.Any(m => m.Activator == ActivatorMode.On || !m.SidecarInjection));
            Reaches(plan, new Call(Intruder, Activator, 8012), "intruder -> activator, with a model the activator may forward anyone to");
        }

        Refused(plan, new Call(null, Autoscaler, 8080), "a caller without identity -> autoscaler");
        if (config.Iap.Enabled)
        {
            Refused(plan, new Call(null, PublicGateway, 8080, "/kfserving/x/y:predict"), "no IAP JWT -> public gateway");
        }

        if (!LocalGatewayCallers.IsOpen(config.Mesh))
        {
            Refused(plan, new Call(Intruder, LocalGateway, 8081), "intruder -> local gateway");
        }
        Refused(plan, new Call(Intruder, KnativeWebhook, 9090), "intruder -> Knative webhook metrics");
    }

    [Fact]
    public void A_team_without_isolation_stays_open_to_every_caller_under_the_default_deny()
    {
        var config = Config("dev with a team without isolation");
        var plan = PlanOf(config);
        var open = config.Teams.Single(t => !t.Authorization);

        Reaches(plan, new Call(Intruder, ModelPod(open, open.Models[0]), ModelPort), "intruder -> open team's model");
        Reaches(plan, new Call(Intruder, Activator, 8012), "intruder -> activator (a team without isolation has an activator model)");
        Assert.Empty(MeshDefaultDeny.ActivatorCallers(config));
    }
}
