using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pulumi;
using Pulumi.Testing;
using SecureServing.Core.Config;
using SecureServing.Core.Gcp;
using SecureServing.Core.Validation;
using SecureServing.Infra;

namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>
/// One run under mocks (<c>Deployment.TestAsync</c>, <c>IsPreview = false</c>) of the real program for a shipped
/// stack (<see cref="ProgramAsync"/>), or of the GCP layer alone for any config (<see cref="GcpLayerAsync"/>), with
/// everything a test inspects: registrations, states, options, outputs.
/// </summary>
internal sealed partial class ProgramRun
{
    /// <summary>The stand-in for the prod stack's bring-your-own IAP client secret (set as Pulumi secret config).</summary>
    public const string IapClientSecret = "test-only-iap-client-secret-7d1e";

    private ProgramRun(string stack, ImmutableArray<Resource> resources, ProgramMocks mocks,
        IReadOnlyDictionary<Resource, ResourceOptions> options, IDictionary<string, object?> outputs)
    {
        Stack = stack;
        Resources = resources;
        Mocks = mocks;
        Options = options;
        Outputs = outputs;
    }

    public string Stack { get; }
    public ImmutableArray<Resource> Resources { get; }
    public ProgramMocks Mocks { get; }
    public IReadOnlyDictionary<Resource, ResourceOptions> Options { get; }
    public IDictionary<string, object?> Outputs { get; }
    /// <summary>Set by <see cref="ProgramAsync"/>.</summary>
    public StackRun? Program { get; private set; }
    /// <summary>Set by <see cref="GcpLayerAsync"/>, and by <see cref="ProgramAsync"/> when the stack was not refused.</summary>
    public GcpLayer? Gcp { get; private set; }

    public static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    /// <summary>A shipped stack's validated configuration, as the program loads it.</summary>
    public static PlatformConfig Load(string stack)
    {
        var report = StackCheck.Run(RepoRoot(), stack);
        return report.Config ?? throw new InvalidOperationException($"Stack {stack} does not pass check:\n{CheckReportText.ToText(report)}");
    }

    /// <summary>
    /// Runs the program (<see cref="SecureServingStack.Run"/>) for <paramref name="stack"/> under <paramref name="repoRoot"/>
    /// (default: this repository), with the IAP client secret in the stack's Pulumi config as a secret.
    /// </summary>
    public static async Task<ProgramRun> ProgramAsync(string stack, ProgramMocks? mocks = null, string? repoRoot = null)
    {
        StackRun? result = null;
        var run = await RunAsync(stack, mocks, () =>
        {
            result = SecureServingStack.Run(repoRoot ?? RepoRoot(), Deployment.Instance.StackName);
            return result.Outputs;
        });
        run.Program = result;
        run.Gcp = result?.Composition?.Gcp;
        return run;
    }

    /// <summary>Runs only the GCP layer for <paramref name="config"/>.</summary>
    public static async Task<ProgramRun> GcpLayerAsync(PlatformConfig config, ProgramMocks? mocks = null)
    {
        GcpLayer? layer = null;
        var run = await RunAsync(config.Stack, mocks, () =>
        {
            layer = new GcpLayer(GcpPlanner.Plan(config));
            return new Dictionary<string, object?>();
        });
        run.Gcp = layer;
        return run;
    }

    /// <summary>The stack outputs as the engine receives them: serialized, with their secret flags.</summary>
    public ImmutableDictionary<string, Output<object?>> RegisteredStackOutputs =>
        Assert.Single(Mocks.OutputRegistrations, o => o.Urn.Contains("::pulumi:pulumi:Stack::", StringComparison.Ordinal) && !o.Outputs.IsEmpty).Outputs;

    private static async Task<ProgramRun> RunAsync(string stack, ProgramMocks? mocks, Func<IDictionary<string, object?>> body)
    {
        mocks ??= new ProgramMocks();
        RecordingStack.Options.Clear();
        RecordingStack.Body = body;
        using var config = WithStackConfig();
        try
        {
            var resources = await Deployment.TestAsync<RecordingStack>(mocks.Mock.Object,
                new TestOptions { IsPreview = false, StackName = stack, ProjectName = "secure-serving" });
            return new ProgramRun(stack, resources, mocks, RecordingStack.Options.ToDictionary(), RecordingStack.Outputs);
        }
        finally
        {
            RecordingStack.Body = null;
        }
    }

    /// <summary>Sets the stack's Pulumi config for the next deployment (read when it starts) and restores it on dispose.</summary>
    private static EnvironmentScope WithStackConfig()
    {
        // Pulumi reads its config from these when a deployment starts: what `pulumi config set --secret --path
        // 'secure-serving:iap.oauthClient.clientSecret'` hands the program (structured key, marked secret).
        var iap = new JsonObject
        {
            ["oauthClient"] = new JsonObject { ["clientId"] = "222222222222-abc123def456.apps.googleusercontent.com", ["clientSecret"] = IapClientSecret },
        };
        return new EnvironmentScope(new Dictionary<string, string>
        {
            ["PULUMI_CONFIG"] = new JsonObject { ["secure-serving:iap"] = iap.ToJsonString() }.ToJsonString(),
            ["PULUMI_CONFIG_SECRET_KEYS"] = "[\"secure-serving:iap\"]",
        });
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = [];

        public EnvironmentScope(Dictionary<string, string> values)
        {
            foreach (var (name, value) in values)
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    /// <summary>GCP and Random registrations (no components, providers or Kubernetes objects).</summary>
    public IReadOnlyList<MockResourceArgs> GcpRegistrations =>
        [.. Mocks.Registered.Where(r => MockState.IsGcpOrRandom(r.Type))];

    public IEnumerable<MockResourceArgs> OfType(string type) => Mocks.Registered.Where(r => r.Type == type);

    /// <summary>The inputs of the one registration with this type and logical name.</summary>
    public ImmutableDictionary<string, object> Inputs(string type, string name) =>
        Assert.Single(Mocks.Registered, r => r.Type == type && r.Name == name).Inputs;

    /// <summary>The options the resource with this logical name was constructed with.</summary>
    public ResourceOptions OptionsOf(string name) =>
        Assert.Single(Options, kv => kv.Key.GetResourceName() == name).Value;

    /// <summary>The logical names of the explicit <c>DependsOn</c> the resource with this name was given, sorted.</summary>
    public async Task<IReadOnlyList<string>> DependsOnOf(string name)
    {
        Output<ImmutableArray<Resource>> dependsOn = OptionsOf(name).DependsOn;
        var resources = await global::Pulumi.Utilities.OutputUtilities.GetValueAsync(dependsOn);
        return [.. resources.Select(r => r.GetResourceName()).Order(StringComparer.Ordinal)];
    }

    public Resource ResourceNamed(string name) => Assert.Single(Resources, r => r.GetResourceName() == name);

    /// <summary>
    /// <paramref name="text"/> with every <c>${resource.output}</c> replaced by what the mocks answered for that output
    /// (<c>id</c>: <see cref="MockState.IdOf"/>).
    /// </summary>
    public string ResolveRefs(string text) => Placeholder().Replace(text, m =>
    {
        var resource = m.Groups["resource"].Value;
        var output = m.Groups["output"].Value;
        if (output == ResourceRef.Outputs.Id)
        {
            return MockState.IdOf(resource);
        }

        Assert.True(Mocks.States.TryGetValue(resource, out var state), $"{m.Value}: no resource {resource} was registered");
        Assert.True(state!.TryGetValue(output, out var value) && value is string, $"{m.Value}: {resource} has no text output {output}");
        return (string)value!;
    });

    [GeneratedRegex(@"\$\{(?<resource>[a-z0-9-]+)\.(?<output>[A-Za-z0-9]+)\}")]
    private static partial Regex Placeholder();
}
