using System.Collections.Concurrent;
using Moq;
using Pulumi.Testing;

namespace SecureServing.Pulumi.Tests.Kubernetes;

/// <summary>
/// A Moq <see cref="IMocks"/> that records every registration (inputs, provider) and the order in which
/// registrations start and finish. Selected types can be held back for a moment, to show which registrations wait for
/// them (a resource that does not depend on them is registered meanwhile).
/// </summary>
internal sealed class RecordingMocks
{
    private readonly ConcurrentQueue<MockResourceArgs> _registered = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly HashSet<string> _heldTypes;

    public RecordingMocks(params string[] heldTypes)
    {
        _heldTypes = [.. heldTypes];
        Mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).Returns((MockResourceArgs args) => NewResourceAsync(args));
        Mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs args) => (object)args.Args);
    }

    public Mock<IMocks> Mock { get; } = new();

    public IReadOnlyList<MockResourceArgs> Registered => [.. _registered];

    /// <summary><c>start:&lt;name&gt;</c> and <c>done:&lt;name&gt;</c> in the order they happened.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public MockResourceArgs Single(string type, string name) =>
        Assert.Single(Registered, r => r.Type == type && r.Name == name);

    private async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        _events.Enqueue($"start:{args.Name}");
        if (_heldTypes.Contains(args.Type!))
        {
            // Long enough for every registration that is not waiting for this one to reach the mock first.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        _registered.Enqueue(args);
        _events.Enqueue($"done:{args.Name}");
        return (args.Name + "_id", args.Inputs);
    }
}
