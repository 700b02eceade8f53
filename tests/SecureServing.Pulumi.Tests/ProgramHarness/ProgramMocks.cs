using System.Collections.Concurrent;
using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>
/// A Moq <see cref="IMocks"/> that answers with <see cref="MockState"/> and records every registration, the state it
/// answered, and the order in which registrations start and finish. Registrations of the types given to the
/// constructor are held back until every registration named in <see cref="ReleaseAfter"/> is done and nothing else has
/// happened for a moment, so a test sees which registrations wait for them and which do not. Waiting for the named
/// registrations (not for a moment of quiet alone) keeps a test that asserts "these do not wait" from failing by chance
/// on a slow or busy machine; one that really waits (or is never registered) is never done, and after the deadline the run fails naming it.
/// </summary>
internal sealed class ProgramMocks
{
    private readonly ConcurrentQueue<MockResourceArgs> _registered = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, object>> _states = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heldTypes;
    private const int QuietMilliseconds = 250;
    private const int DeadlineMilliseconds = 30_000;
    private long _lastActivity = Environment.TickCount64;
    private readonly ConcurrentDictionary<string, bool> _done = new(StringComparer.Ordinal);

    /// <summary>Logical names of registrations that must be done before a held registration is answered.</summary>
    public IReadOnlyCollection<string> ReleaseAfter { get; init; } = [];

    public ProgramMocks(params string[] heldTypes)
    {
        _heldTypes = [.. heldTypes];
        Mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).Returns((MockResourceArgs args) => NewResourceAsync(args));
        Mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs args) =>
        {
            _calls.Enqueue(args.Token ?? "");
            return (object)args.Args;
        });
        Mock.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>())).Returns((MockRegisterResourceOutputsRequest request) =>
        {
            _outputRegistrations.Enqueue(request);
            return Task.CompletedTask;
        });
    }

    private readonly ConcurrentQueue<MockRegisterResourceOutputsRequest> _outputRegistrations = new();
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>The token of every invoke (data-source call), in order.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Every <c>RegisterOutputs</c> call (components and the stack), by URN.</summary>
    public IReadOnlyList<MockRegisterResourceOutputsRequest> OutputRegistrations => [.. _outputRegistrations];

    public Mock<IMocks> Mock { get; } = new();

    /// <summary>Every registration, in the order the mocks answered them.</summary>
    public IReadOnlyList<MockResourceArgs> Registered => [.. _registered];

    /// <summary><c>start:&lt;name&gt;</c> and <c>done:&lt;name&gt;</c> in the order they happened.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>The state the mocks answered for a GCP or Random resource, by logical name.</summary>
    public IReadOnlyDictionary<string, ImmutableDictionary<string, object>> States => _states;

    private async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        _events.Enqueue($"start:{args.Name}");
        Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
        if (_heldTypes.Contains(args.Type!))
        {
            // Held until the rest of the program has gone quiet: every registration that does not wait for this one
            // has reached the mocks by then, however slow the machine.
            var deadline = Environment.TickCount64 + DeadlineMilliseconds;
            while ((Environment.TickCount64 - Interlocked.Read(ref _lastActivity) < QuietMilliseconds || !ReleaseAfter.All(_done.ContainsKey))
                && Environment.TickCount64 < deadline)
            {
                await Task.Delay(25);
            }

            // A name that never registers (a typo, a renamed resource, or one that really waits for the held type)
            // fails the run here, naming it, instead of releasing silently and letting an order check pass.
            var missing = ReleaseAfter.Where(n => !_done.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                Assert.Fail($"ReleaseAfter never registered before the deadline, holding {args.Type} {args.Name}: {string.Join(", ", missing)}");
            }
        }

        var state = MockState.For(args);
        if (MockState.IsGcpOrRandom(args.Type))
        {
            Assert.True(_states.TryAdd(args.Name!, state), $"logical name {args.Name} registered twice");
        }

        _registered.Enqueue(args);
        _events.Enqueue($"done:{args.Name}");
        _done[args.Name!] = true;
        if (!_heldTypes.Contains(args.Type!))
        {
            Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
        }

        return (MockState.IdOf(args.Name!), state);
    }
}
