using System.Text.RegularExpressions;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Tests.Config;

namespace SecureServing.Core.Tests.Contract;

/// <summary>
/// Each default is written once, in the config contract: a config record's property initializer reads it from
/// <see cref="StackFileContract"/> or <see cref="TeamFileContract"/>, so the documented default (README, docs, JSON
/// Schemas, all generated from the contract) and the default the platform applies cannot disagree. A literal written
/// in a record (<c>= 90</c>, <c>= true</c>, <c>= "e2-standard-4"</c>, <c>= SomeEnum.Value</c>) fails here.
/// </summary>
public sealed partial class RecordDefaultsTests
{
    private static readonly string ConfigFolder = Path.Combine(TempRepo.RepoRoot(), "components", "SecureServing.Core", "Config");

    /// <summary>
    /// Initializers that are not one contract default: values the loader derives per stack (the contract says so in
    /// <see cref="ConfigKey.DerivedDefault"/>), checked below, and the managed OAuth client, whose spelling the
    /// contract holds.
    /// </summary>
    private static readonly Dictionary<string, Func<bool>> Derived = new(StringComparer.Ordinal)
    {
        ["ClusterTelemetryDefaults.ProdLogging"] = () => StackFileContract.ClusterHardening.Logging.DerivedDefault is not null,
        ["ClusterTelemetryDefaults.ProdMonitoring"] = () => StackFileContract.ClusterHardening.Monitoring.DerivedDefault is not null,
        ["DefaultWindow"] = () => StackFileContract.ClusterHardening.Window.DerivedDefault is not null,
        ["OAuthClientConfig.Managed"] = () => StackFileContract.Iap.OAuthClient.DefaultSpelling == "managed" && new IapConfig().OAuthClient.IsManaged,
    };

    [GeneratedRegex(@"\{ get; (?:init|set); \} = (?<value>[^;]+);")]
    private static partial Regex Initializer();

    [Fact]
    public void Every_record_default_is_read_from_the_contract()
    {
        var files = Directory.GetFiles(ConfigFolder, "*.cs", SearchOption.TopDirectoryOnly);
        var initializers = files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (file: Path.GetFileName(f), line: i + 1, match: Initializer().Match(line))))
            .Where(x => x.match.Success)
            .Select(x => (x.file, x.line, value: x.match.Groups["value"].Value.Trim()))
            .ToList();

        var literal = initializers
            .Where(x => x.value is not ("[]" or "new()" or "null"))
            .Where(x => !FromContract().IsMatch(x.value))
            .Where(x => !(Derived.TryGetValue(x.value, out var documented) && documented()))
            .Select(x => $"{x.file}:{x.line}: = {x.value}")
            .ToList();

        Assert.True(initializers.Count(x => FromContract().IsMatch(x.value)) > 40, "the scan found the records' contract defaults");
        Assert.True(literal.Count == 0, "Record defaults written beside the contract (read them from StackFileContract/TeamFileContract):\n" + string.Join("\n", literal));
    }

    [Fact]
    public void Defaults_held_as_values_spell_the_contract_default()
    {
        Assert.Equal(StackFileContract.ClusterHardening.BootDiskEncryption.Default, Spelling(new ClusterConfig { Name = "c", NodeTag = "t" }.BootDiskEncryption));
        Assert.Equal(StackFileContract.ClusterHardening.SecretsEncryption.Default, Spelling(new ClusterConfig { Name = "c", NodeTag = "t" }.SecretsEncryption));
        Assert.Equal(
            StackFileContract.ClusterHardening.Notifications.Keys.OfType<TextListKey>().Single(k => k.Name == "events").Default,
            new ClusterNotificationsConfig().Events.Select(e => StackFileContract.ClusterHardening.EventSpellings.Single(s => s.Value == e).Spelling));
    }

    private static string Spelling(KmsKeyChoice choice) => choice.Mode switch
    {
        KmsKeyMode.Create => StackFileContract.ClusterHardening.CreateKey,
        KmsKeyMode.None => StackFileContract.ClusterHardening.NoKey,
        _ => choice.ExistingKey ?? "",
    };

    [GeneratedRegex(@"\A(?:Contract\.)?(?:StackFileContract|TeamFileContract)\.[A-Za-z.]+!?\z")]
    private static partial Regex FromContract();
}
