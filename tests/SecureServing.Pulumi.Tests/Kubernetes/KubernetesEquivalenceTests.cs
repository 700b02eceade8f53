namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// Registered equals rendered, for Kubernetes objects: what the layer registers under mocks is what <c>render</c> writes to
/// manifests.yaml. For every object of the plan: the registration with its type token and logical name exists, and its
/// inputs equal the manifest field for field, both ways — nothing dropped, nothing added — with the placeholders
/// resolved to the values the run supplied (team bucket name, IAP client secret). Both with the installed serving stack
/// (its releases are compared in <see cref="ServingStackTests"/>) and bring-your-own, where the installed objects are
/// patched.
/// </summary>
public sealed class KubernetesEquivalenceTests
{
    [Theory]
    [InlineData("dev", true)]
    [InlineData("prod", true)]
    [InlineData("dev", false)]
    [InlineData("prod", false)]
    public async Task Every_registered_object_equals_its_rendered_manifest(string stack, bool installsServingStack)
    {
        var run = await LayerRun.RunAsync(installsServingStack ? ShippedStacks.Load(stack) : ShippedStacks.LoadBringYourOwn(stack));

        var differences = run.Plan.Objects
            .SelectMany(obj => RegisteredInputs.Differences(LayerRun.ExpectedManifest(obj), run.RegistrationOf(obj).Inputs)
                .Select(d => $"{obj.Key}: {d}"))
            .ToList();

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task The_comparison_notices_a_changed_value()
    {
        var run = await LayerRun.RunAsync(ShippedStacks.Load("dev"));
        var obj = run.Plan.Objects.First(o => o.Kind == "AuthorizationPolicy" && o.Name == "namespace-isolation");
        var changed = LayerRun.ExpectedManifest(obj);
        changed["spec"]!["action"] = "DENY";
        changed["metadata"]!.AsObject().Remove("namespace");

        var differences = RegisteredInputs.Differences(changed, run.RegistrationOf(obj).Inputs);

        Assert.Contains(differences, d => d.StartsWith(".spec.action: manifest \"DENY\"", StringComparison.Ordinal));
        Assert.Contains(differences, d => d == ".metadata.namespace: registered, not in the manifest");
    }
}
