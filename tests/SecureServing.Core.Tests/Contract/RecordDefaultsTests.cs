using System.Text.RegularExpressions;
using SecureServing.Core.Config;
using SecureServing.Core.Config.Contract;
using SecureServing.Core.Tests.Config;

namespace SecureServing.Core.Tests.Contract;

/// <summary>
/// Each default is written once, in the config contract: a config record's property initializer reads it from
/// <see cref="StackFileContract"/> or <see cref="TeamFileContract"/>, so the documented default (README, docs, JSON
/// Schemas, all generated from the contract) and the default the platform applies cannot disagree. A literal written
/// in a record (<c>= 90</c>, <c>= true</c>, <c>= "e2-standard-4"</c>, <c>= SomeEnum.Value</c>) fails here. So does a default
/// left unwritten: a property with no initializer for a key whose contract default is not null, false or 0.
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

    /// <summary>
    /// Nullable properties whose null is itself the contract default, spelled in another layer, with where that
    /// layer applies it.
    /// </summary>
    private static readonly Dictionary<string, string> NullIsTheDefault = new(StringComparer.Ordinal)
    {
        ["AccessPolicyRef.Scope"] = "the reader resolves the spelling per stack (absent or `project` → `projects/NUMBER`, `organization` → null), so the record holds the resolved scope, not the spelling",
        ["ModelConfig.MinReplicas"] = "null leaves `minReplicas` out of the InferenceService, so KServe applies its default; EffectiveMinReplicas reads the contract's",
        ["ModelConfig.ScaleMetric"] = "null leaves `scaleMetric` out of the InferenceService, so Knative's autoscaler applies its default (concurrency)",
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

    /// <summary>
    /// A property left without an initializer holds null, false or 0, so it must not stand for a contract key that
    /// declares another default. A record's keys are those of the contract maps its initializers read from (a record
    /// with <c>= StackFileContract.Cluster.MachineType.Default</c> stands for the map that declares <c>machineType</c>);
    /// each of its properties without an initializer is the key of that name (<c>MinNodes</c>: <c>minNodes</c>).
    /// </summary>
    [Fact]
    public void No_record_property_leaves_a_contract_default_unwritten()
    {
        var properties = RecordProperties().ToList();
        var maps = properties
            .Where(p => p.Value is { } value && FromContract().IsMatch(value))
            .Select(p => (p.Record, Key: ContractKey(p.Value!)))
            .SelectMany(p => ContractMaps().Where(m => m.Keys.Contains(p.Key)).Select(m => (p.Record, Map: m)))
            .GroupBy(p => p.Record, p => p.Map, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Distinct().ToList(), StringComparer.Ordinal);

        var unwritten = properties
            .Where(p => p.Value is null && !p.Required && maps.ContainsKey(p.Record) && !NullIsTheDefault.ContainsKey($"{p.Record}.{p.Name}"))
            .SelectMany(p => maps[p.Record]
                .Select(m => (Map: m, Key: m.Find(char.ToLowerInvariant(p.Name[0]) + p.Name[1..])))
                .Where(k => k.Key is { DerivedDefault: null } && DeclaredDefault(k.Key) is not null)
                .Select(k => $"{p.File}:{p.Line}: {p.Record}.{p.Name} has no initializer, but `{k.Map.Name}.{k.Key!.Name}` defaults to {DeclaredDefault(k.Key)}"))
            .ToList();

        Assert.True(maps.Count >= 15, $"the scan tied records to their contract maps (found {maps.Count})");
        Assert.All(NullIsTheDefault.Keys, listed => Assert.Contains(properties, p => $"{p.Record}.{p.Name}" == listed && p.Value is null && p.Type.EndsWith('?')));
        Assert.True(unwritten.Count == 0, "Record properties that silently differ from their contract default (initialize them from StackFileContract/TeamFileContract):\n" + string.Join("\n", unwritten));
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

    /// <summary>Every <c>init</c>/<c>set</c> property of the config records: its record, name, initializer (if any) and whether it is <c>required</c>.</summary>
    private static IEnumerable<(string File, int Line, string Record, string Type, string Name, bool Required, string? Value)> RecordProperties()
    {
        foreach (var file in Directory.GetFiles(ConfigFolder, "*.cs", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var record = "";
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (RecordDeclaration().Match(lines[i]) is { Success: true } declared)
                {
                    record = declared.Groups["name"].Value;
                }
                else if (Property().Match(lines[i]) is { Success: true } property)
                {
                    yield return (Path.GetFileName(file), i + 1, record, property.Groups["type"].Value, property.Groups["name"].Value, property.Groups["required"].Success,
                        property.Groups["value"].Success ? property.Groups["value"].Value.Trim() : null);
                }
            }
        }
    }

    /// <summary>The key an initializer reads: <c>StackFileContract.Cluster.MinNodes.Default</c> → the <c>minNodes</c> declaration.</summary>
    private static ConfigKey? ContractKey(string initializer)
    {
        var parts = initializer.TrimEnd('!').Split('.').SkipWhile(p => p == "Contract").ToList();
        var type = parts[0] == nameof(StackFileContract) ? typeof(StackFileContract) : typeof(TeamFileContract);
        foreach (var part in parts.Skip(1))
        {
            if (type.GetNestedType(part) is { } nested)
            {
                type = nested;
            }
            else
            {
                return type.GetField(part)?.GetValue(null) as ConfigKey ?? type.GetProperty(part)?.GetValue(null) as ConfigKey;
            }
        }

        return null;
    }

    /// <summary>Every map of both files' contracts, nested ones (list items, a choice's map) included.</summary>
    private static IReadOnlyList<MapKey> ContractMaps()
    {
        var maps = new List<MapKey>();
        void Visit(ConfigKey key)
        {
            switch (key)
            {
                case MapKey map when !maps.Contains(map):
                    maps.Add(map);
                    foreach (var child in map.Keys)
                    {
                        Visit(child);
                    }

                    break;
                case MapListKey list:
                    Visit(list.Item);
                    break;
                case ChoiceOrMapKey choice:
                    Visit(choice.Map);
                    break;
            }
        }

        foreach (var type in new[] { typeof(StackFileContract), typeof(TeamFileContract) }.SelectMany(Nested))
        {
            foreach (var key in type.GetFields().Where(f => f.IsStatic && typeof(ConfigKey).IsAssignableFrom(f.FieldType)).Select(f => (ConfigKey)f.GetValue(null)!))
            {
                Visit(key);
            }
        }

        return maps;
    }

    private static IEnumerable<Type> Nested(Type type) => type.GetNestedTypes().SelectMany(Nested).Prepend(type);

    /// <summary>A declared default a property without an initializer would not hold (null, false, 0 and an empty list are what it holds).</summary>
    private static string? DeclaredDefault(ConfigKey key) => key switch
    {
        TextKey { Default: { } text } => $"`{text}`",
        BoolKey { Default: true } => "`true`",
        CountKey { Default: not 0 } count => $"`{count.Default}`",
        ChoiceKey { DefaultSpelling: { } spelling } => $"`{spelling}`",
        TextListKey { Default: { Count: > 0 } list } => $"`[{string.Join(", ", list)}]`",
        _ => null,
    };

    [GeneratedRegex(@"\brecord (?<name>[A-Za-z0-9_]+)")]
    private static partial Regex RecordDeclaration();

    [GeneratedRegex(@"^\s*public (?<required>required )?(?<type>[^=(]+?) (?<name>[A-Za-z0-9_]+) \{ get; (?:init|set); \}(?: = (?<value>[^;]+);)?")]
    private static partial Regex Property();
}
