using System.Collections.Concurrent;
using Pulumi;

namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>
/// The stack a test runs: calls <see cref="Body"/> (the program, or one layer) and records, through a stack-wide
/// resource transformation, the options every resource was constructed with (exactly as the code passed them: parent,
/// protect, ignoreChanges, dependsOn), which the mocks do not see. Tests run serially, so static state is safe.
/// </summary>
public sealed class RecordingStack : Stack
{
    internal static Func<IDictionary<string, object?>>? Body { get; set; }

    internal static ConcurrentDictionary<Resource, ResourceOptions> Options { get; } = new();

    internal static IDictionary<string, object?> Outputs { get; private set; } = new Dictionary<string, object?>();

    public RecordingStack()
        : base(new StackOptions { ResourceTransformations = { Record } })
    {
        Outputs = (Body ?? throw new InvalidOperationException("RecordingStack.Body is not set"))();
        // What Deployment.RunAsync's stack does with the program's dictionary: register it as the stack outputs, so the
        // mocks see them serialized as the engine would. (The runner registers this class's [Output] properties
        // afterwards too: an empty second registration.)
        RegisterOutputs(Outputs);
    }

    private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        Options[args.Resource] = args.Options;
        return null;
    }
}
