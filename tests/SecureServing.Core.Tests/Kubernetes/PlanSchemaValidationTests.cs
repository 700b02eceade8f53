using SecureServing.Core.Config;
using SecureServing.Core.Kubernetes;
using SecureServing.Core.Tests.Fixtures;
using SecureServing.Core.Tests.Schemas;

namespace SecureServing.Core.Tests.Kubernetes;

/// <summary>Every object the plans produce passes its upstream schema, strictly (unknown fields are errors).</summary>
/// <remarks>Needs the upstream schema files (../shared/schemas or SECURE_SERVING_SCHEMAS); test.sh filters this category out, with a SKIPPED line, when they are absent.</remarks>
[Trait("Category", "UpstreamSchemas")]
public class PlanSchemaValidationTests
{
    /// <summary>Dev, prod, and variants that switch on every branch the two leave off.</summary>
    public static TheoryData<string> Configs => [.. Variants.Keys];

    private static readonly IReadOnlyDictionary<string, Func<PlatformConfig>> Variants = new Dictionary<string, Func<PlatformConfig>>
    {
        ["dev"] = TestConfigs.Dev,
        ["prod"] = TestConfigs.Prod,
        ["shipped dev stack"] = () => Shipped("dev"),
        ["shipped prod stack"] = () => Shipped("prod"),
        ["no-iap, load balancer, existing secret, Knative local gateway, top-level virtual service"] = () => TestConfigs.Dev() with
        {
            Iap = TestConfigs.Dev().Iap with { Enabled = false },
            Ingress = TestConfigs.Dev().Ingress with { Tls = IngressTls.Secret, LoadBalancerService = true },
            Mesh = TestConfigs.Dev().Mesh with { LocalGateway = null, DisableIstioVirtualHost = false },
        },
        ["namespace mTLS with HTTPS local gateway, audience, custom image, activator, no sidecar, no authorization"] = () => TestConfigs.Prod() with
        {
            Iap = TestConfigs.Prod().Iap with { Audience = "/projects/222222222222/global/backendServices/1234567890" },
            Mesh = TestConfigs.Prod().Mesh with { Mtls = MtlsScope.Namespace, KnativeLocalGatewayTls = KnativeLocalGatewayTls.None },
            Teams =
            [
                TestConfigs.Team("fraud", "fraud-models",
                    TestConfigs.Model("burst", ActivatorMode.On) with { Image = "europe-west4-docker.pkg.dev/acme/serving/sklearn:1.5", SidecarInjection = false }),
                TestConfigs.Team("recsys", "recsys-models") with { Authorization = false, AllowedNamespaces = ["fraud-models"] },
            ],
        },
    };

    /// <summary>The repository's own stack files and team files, loaded and checked like <c>pulumi up</c> does.</summary>
    private static PlatformConfig Shipped(string stack)
    {
        var report = Validation.StackCheck.Run(Config.TempRepo.RepoRoot(), stack);
        return report.Config ?? throw new Xunit.Sdk.XunitException($"shipped stack {stack} does not pass check: " +
            string.Join("; ", report.Findings.Select(f => f.Message)));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_object_passes_its_upstream_schema(string variant)
    {
        var plan = KubernetesPlanner.Plan(Variants[variant]());

        var problems = plan.Objects
            .Select(o => (o.Key, Errors: UpstreamSchemas.Validate(o.Manifest)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Key}:\n    " + string.Join("\n    ", r.Errors))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotEmpty(plan.Objects);
    }

    [Fact]
    public void Only_BackendConfig_lacks_an_upstream_schema_and_it_has_a_hand_kept_one()
    {
        var kinds = Variants.Values
            .SelectMany(config => KubernetesPlanner.Plan(config()).Objects)
            .Select(o => (o.ApiVersion, o.Kind))
            .Distinct()
            .ToList();

        var withoutUpstream = kinds.Where(k => UpstreamSchemas.SourceOf(k.ApiVersion, k.Kind) is SchemaSource.HandKept or SchemaSource.None);

        Assert.Equal([("cloud.google.com/v1", "BackendConfig")], withoutUpstream);
        Assert.Equal(SchemaSource.HandKept, UpstreamSchemas.SourceOf("cloud.google.com/v1", "BackendConfig"));
    }
}
