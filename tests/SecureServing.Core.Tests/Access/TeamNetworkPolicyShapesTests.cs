using System.Net;
using SecureServing.Core.Access;
using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;

namespace SecureServing.Core.Tests.Access;

/// <summary>
/// A team namespace's NetworkPolicies as the shipped dev stack renders them (<see cref="TeamNetworkPolicies"/>),
/// connection by connection: what its pods may reach (DNS, istiod, the metadata server, Google APIs, the namespaces it
/// may call, the activator) and who may reach them; everything else is dropped.
/// </summary>
public sealed class TeamNetworkPolicyShapesTests
{
    private static readonly PlatformConfig Dev = AccessKit.Shipped("dev");

    private static readonly ClusterState Restricted = ClusterState.Build(KubernetesPlanner.Plan(Dev));

    private static readonly ClusterState Nat = ClusterState.Build(KubernetesPlanner.Plan(Dev with { Network = Dev.Network with { Egress = EgressMode.Nat } }));

    private static readonly Workload FraudPod = CallerPods.InNamespace("fraud-models", sidecar: true);

    private static Workload Pod(string ns, string key, string value, params (string Key, string Value)[] more) =>
        AccessKit.Pod(ns, value, [(key, value), .. more]);

    private static Outcome ToPod(ClusterState state, Workload to, int port, string protocol = "TCP") =>
        NetworkPolicies.Decide(state, NetworkPolicyEnforcement.DataplaneV2, FraudPod, to, port, protocol).Outcome;

    private static Outcome ToAddress(ClusterState state, string cidr, int port) =>
        NetworkPolicies.Decide(state, NetworkPolicyEnforcement.DataplaneV2, NetworkPeer.Of(state, FraudPod), NetworkPeer.At(cidr, IPNetwork.Parse(cidr)), port).Outcome;

    [Fact]
    public void Pods_reach_kube_dns_on_53_over_udp_and_tcp_and_nothing_else_in_kube_system()
    {
        var dns = Pod("kube-system", "k8s-app", "kube-dns");

        Assert.Equal(Outcome.Allowed, ToPod(Restricted, dns, 53, "UDP"));
        Assert.Equal(Outcome.Allowed, ToPod(Restricted, dns, 53));
        Assert.Equal(Outcome.Denied, ToPod(Restricted, dns, 5353, "UDP"));
        Assert.Equal(Outcome.Denied, ToPod(Restricted, Pod("kube-system", "k8s-app", "metrics-server"), 53, "UDP"));
    }

    [Fact]
    public void Pods_reach_istiod_on_its_xds_port_only()
    {
        var istiod = Pod("istio-system", "app", "istiod");

        Assert.Equal(Outcome.Allowed, ToPod(Restricted, istiod, 15012));
        Assert.Equal(Outcome.Denied, ToPod(Restricted, istiod, 15010));
        Assert.Equal(Outcome.Denied, ToPod(Restricted, istiod, 15017));
    }

    [Fact]
    public void Under_restricted_egress_pods_reach_google_apis_only_at_the_restricted_vip_on_443()
    {
        Assert.Equal(Outcome.Allowed, ToAddress(Restricted, "199.36.153.4/30", 443));
        Assert.Equal(Outcome.Allowed, ToAddress(Restricted, "199.36.153.6/32", 443));
        Assert.Equal(Outcome.Denied, ToAddress(Restricted, "199.36.153.8/30", 443));
        Assert.Equal(Outcome.Denied, ToAddress(Restricted, "199.36.153.4/30", 80));
        Assert.Equal(Outcome.Denied, ToAddress(Restricted, "142.250.0.0/16", 443));
    }

    [Fact]
    public void Under_nat_egress_pods_reach_any_address_outside_the_vpc_on_443_and_never_pods_by_address()
    {
        Assert.Equal(Outcome.Allowed, ToAddress(Nat, "142.250.0.0/16", 443));
        Assert.Equal(Outcome.Denied, ToAddress(Nat, "10.20.1.0/24", 443));
        Assert.Equal(Outcome.Denied, ToAddress(Nat, "172.16.0.0/28", 443));
        Assert.Equal(Outcome.Unknown, ToAddress(Nat, "10.0.0.0/8", 443));
        Assert.Equal(Outcome.Denied, ToPod(Nat, Pod("unlisted-namespace", "app", "web"), 443));
    }

    [Fact]
    public void Pods_reach_the_gke_metadata_server_for_workload_identity()
    {
        Assert.Equal(Outcome.Allowed, ToAddress(Restricted, "169.254.169.254/32", 80));
        Assert.Equal(Outcome.Allowed, ToAddress(Restricted, "169.254.169.252/32", 988));
        Assert.Equal(Outcome.Denied, ToAddress(Restricted, "169.254.169.254/32", 8080));
    }

    [Fact]
    public void Pods_reach_the_namespaces_whose_teams_admit_them_and_the_activator_on_its_ports()
    {
        var twoTower = Pod("recsys-models", "serving.kserve.io/inferenceservice", "two-tower");
        var activator = Pod("knative-serving", "app", "activator");

        Assert.Equal(Outcome.Allowed, ToPod(Restricted, twoTower, 8012));
        Assert.Equal(Outcome.Allowed, ToPod(Restricted, activator, 8012));
        Assert.Equal(Outcome.Allowed, ToPod(Restricted, activator, 8013));
        Assert.Equal(Outcome.Denied, ToPod(Restricted, activator, 9090));
        Assert.Equal(Outcome.Denied, ToPod(Restricted, Pod("knative-serving", "app", "autoscaler"), 8080));
        var back = NetworkPolicies.Decide(Restricted, NetworkPolicyEnforcement.DataplaneV2, CallerPods.InNamespace("recsys-models", sidecar: true),
            Pod("fraud-models", "serving.kserve.io/inferenceservice", "xgb-fraud-score"), 8012);
        Assert.Equal((Outcome.Denied, "recsys-models", "allow-egress"), (back.Outcome, back.By!.Namespace, back.By.Name));
    }

    [Fact]
    public void A_models_pods_admit_the_gateways_it_admits_and_the_namespace_callers_and_nobody_else()
    {
        var sklearn = Pod("fraud-models", "serving.kserve.io/inferenceservice", "sklearn-iris");
        var xgb = Pod("fraud-models", "serving.kserve.io/inferenceservice", "xgb-fraud-score");
        Outcome From(Workload client, Workload model) => NetworkPolicies.Decide(Restricted, NetworkPolicyEnforcement.DataplaneV2, client, model, 8012).Outcome;
        var publicGateway = Restricted.Workloads.Single(w => w.Name == "istio-public-gateway");
        var localGateway = Restricted.Workloads.Single(w => w.Name == "istio-ingressgateway");

        Assert.Equal(Outcome.Allowed, From(publicGateway, sklearn));
        Assert.Equal(Outcome.Allowed, From(localGateway, sklearn));
        Assert.Equal(Outcome.Denied, From(publicGateway, xgb));
        Assert.Equal(Outcome.Allowed, From(Restricted.Workloads.Single(w => w.Name == "activator"), xgb));
        // istiod's pods carry `istio: pilot`; a pod of istio-system whose `istio` label is not known might be a gateway's.
        Assert.Equal(Outcome.Denied, From(Pod("istio-system", "app", "istiod", ("istio", "pilot")), sklearn));
        Assert.Equal(Outcome.Unknown, From(Pod("istio-system", "app", "istiod"), sklearn));
        Assert.Equal(Outcome.Denied, From(CallerPods.InNamespace("unlisted-namespace", sidecar: false), sklearn));
    }
}
