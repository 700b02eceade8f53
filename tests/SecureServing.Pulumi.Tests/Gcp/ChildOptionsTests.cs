using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using SecureServing.Components.Gcp;
using SecureServing.Core.Gcp;
using SecureServing.Pulumi.Tests.ProgramHarness;

namespace SecureServing.Pulumi.Tests.Gcp;

/// <summary>The options every component gives its children, and reference resolution, without a whole program.</summary>
public sealed class ChildOptionsTests
{
    [Fact]
    public async Task Children_get_their_component_as_parent_protect_only_when_asked_and_the_components_dependencies()
    {
        CustomResourceOptions? plain = null, critical = null;
        ImmutableArray<Resource> inherited = [], combined = [];
        Resource? component = null, first = null, second = null;
        await Deployment.TestAsync(new ProgramMocks().Mock.Object, new TestOptions { IsPreview = false }, async () =>
        {
            first = new ComponentResource("test:index:Dep", "dep-a");
            second = new ComponentResource("test:index:Dep", "dep-b");
            component = new ComponentResource("test:index:Component", "owner");
            var componentOptions = new ComponentResourceOptions { DependsOn = { first } };

            plain = ChildOptions.For(component, null);
            critical = ChildOptions.For(component, componentOptions, protect: true, ignoreChanges: ["nodeConfig"], dependsOn: [second]);
            inherited = await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(ChildOptions.For(component, componentOptions).DependsOn.ToOutput());
            combined = await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(critical.DependsOn.ToOutput());
        });

        Assert.Same(component, plain!.Parent);
        Assert.Null(plain.Protect);
        Assert.Empty(plain.IgnoreChanges);
        Assert.Empty(await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(plain.DependsOn.ToOutput()));

        Assert.Same(component, critical!.Parent);
        Assert.True(critical.Protect);
        Assert.Equal(["nodeConfig"], critical.IgnoreChanges);
        Assert.Equal(["dep-a"], inherited.Select(r => r.GetResourceName()));
        Assert.Equal(["dep-a", "dep-b"], combined.Select(r => r.GetResourceName()));
    }

    [Fact]
    public void A_child_not_named_after_its_component_is_refused()
    {
        Assert.Equal("network-vpc", ChildOptions.Prefixed("network", "network-vpc"));
        Assert.Throws<ArgumentException>(() => ChildOptions.Prefixed("network", "vpc"));
        Assert.Throws<ArgumentException>(() => ChildOptions.Prefixed("network", "networkvpc"));
    }

    [Fact]
    public async Task References_resolve_to_the_registered_output_and_unknown_ones_fail_loudly()
    {
        string? resolved = null;
        InvalidOperationException? missing = null;
        await Deployment.TestAsync(new ProgramMocks().Mock.Object, new TestOptions { IsPreview = false }, async () =>
        {
            var outputs = new GcpOutputs();
            var policy = new global::Pulumi.Gcp.AccessContextManager.AccessPolicy("perimeter-access-policy",
                new() { Parent = "organizations/1", Title = "t" });
            outputs.Add("perimeter-access-policy", policy, (ResourceRef.Outputs.Name, policy.Name));
            var text = outputs.Interpolate("accessPolicies/${perimeter-access-policy.name}/servicePerimeters/p");
            resolved = await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(text.ToOutput());
            missing = Assert.Throws<InvalidOperationException>(() => outputs.Resolve(new ResourceRef("network-vpc", "id")));
        });

        Assert.Equal("accessPolicies/perimeter-access-policy/servicePerimeters/p", resolved);
        Assert.Contains("${network-vpc.id}", missing!.Message, StringComparison.Ordinal);
    }
}
