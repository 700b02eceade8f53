namespace SecureServing.Pulumi.Tests.ProgramHarness;

/// <summary>The program run once per shipped stack (dev, prod) and shared by the tests that only read the result.</summary>
public sealed class ShippedRuns : IAsyncLifetime
{
    private readonly Dictionary<string, ProgramRun> _runs = new(StringComparer.Ordinal);

    internal ProgramRun this[string stack] => _runs[stack];

    public async Task InitializeAsync()
    {
        foreach (var stack in new[] { "dev", "prod" })
        {
            _runs[stack] = await ProgramRun.ProgramAsync(stack);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class ShippedRunsCollection : ICollectionFixture<ShippedRuns>
{
    public const string Name = "shipped program runs";
}
