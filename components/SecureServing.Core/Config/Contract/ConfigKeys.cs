using System.Text.RegularExpressions;
using SecureServing.Core.Validation;

namespace SecureServing.Core.Config.Contract;

/// <summary>
/// One key of the config contract: its name, what it means, whether it is required and its default. The loader reads
/// keys through these declarations, the config records take their defaults from them, and the JSON Schemas and the
/// reference tables in docs/configuration.md are generated from them (<see cref="ConfigSchema"/>, <see cref="ConfigReference"/>).
/// </summary>
public abstract class ConfigKey(string name, string description)
{
    public string Name { get; } = name;

    /// <summary>What the key does, for the schema's <c>description</c> and the docs (plain text, may use backticks).</summary>
    public string Description { get; } = description;

    public bool Required { get; init; }

    /// <summary>The default when it depends on other settings (e.g. <c>&lt;deploymentName&gt;-vpc</c>); documented, not in the schema.</summary>
    public string? DerivedDefault { get; init; }

    /// <summary>Rules besides wrong-type, unknown-key and missing-key that report a value of the wrong shape here.</summary>
    public virtual IReadOnlyList<Rule> ShapeRules => [];
}

/// <summary>A text value. A plain number or boolean is read as its text.</summary>
public sealed class TextKey(string name, string description) : ConfigKey(name, description)
{
    public string? Default { get; init; }

    /// <summary>The format the loader enforces (an invalid value is an <c>invalid-value</c> finding, not a shape error).</summary>
    public Regex? Format { get; init; }

    /// <summary>Name of the value's kind in the reference tables (e.g. <c>CIDR</c>, <c>hostname</c>).</summary>
    public string TypeName { get; init; } = "string";

    /// <summary>Values editors offer; the loader refuses others with a rule of its own (not a shape error).</summary>
    public Func<IEnumerable<string>>? KnownValues { get; init; }
}

/// <summary><c>true</c> or <c>false</c>, spelled as <see cref="Scalars.BoolSpellings"/> allows.</summary>
public sealed class BoolKey(string name, string description, bool defaultValue) : ConfigKey(name, description)
{
    /// <summary>The default; when <see cref="ConfigKey.DerivedDefault"/> is set, the value the loader derives it from instead.</summary>
    public bool Default { get; } = defaultValue;
}

/// <summary>A whole number, digits only (see <see cref="Scalars.TryCount"/>).</summary>
public sealed class CountKey(string name, string description, int defaultValue) : ConfigKey(name, description)
{
    public int Default { get; } = defaultValue;

    /// <summary>Smallest value the loader accepts (a smaller one is an <c>invalid-value</c> finding).</summary>
    public int? Minimum { get; init; }

    /// <summary>Largest value the loader accepts (a larger one is an <c>invalid-value</c> finding), so a typo cannot ask for ten thousand GPUs.</summary>
    public int? Maximum { get; init; }
}

/// <summary>One of a fixed set of spellings (exact, case-sensitive).</summary>
public abstract class ChoiceKey(string name, string description) : ConfigKey(name, description)
{
    public abstract IReadOnlyList<string> Spellings { get; }

    /// <summary>The default's spelling; null when the key has no default.</summary>
    public abstract string? DefaultSpelling { get; }

    /// <summary>The rule that reports a spelling outside <see cref="Spellings"/>.</summary>
    public Rule BadValueRule { get; init; } = RuleCatalog.InvalidValue;

    /// <summary>A spelling outside the list, or a blank one (the loader reports blank text as invalid-value).</summary>
    public override IReadOnlyList<Rule> ShapeRules => BadValueRule == RuleCatalog.InvalidValue ? [BadValueRule] : [BadValueRule, RuleCatalog.InvalidValue];

    public bool Allows(string text) => Spellings.Contains(text, StringComparer.Ordinal);
}

/// <summary>A choice whose spellings map to values of <typeparamref name="T"/>.</summary>
public sealed class ChoiceKey<T>(string name, string description, T defaultValue, params (string Spelling, T Value)[] options)
    : ChoiceKey(name, description)
    where T : notnull
{
    public T Default { get; } = defaultValue;

    public IReadOnlyList<(string Spelling, T Value)> Options { get; } = options;

    public override IReadOnlyList<string> Spellings => [.. Options.Select(o => o.Spelling)];

    public override string? DefaultSpelling => Options.Where(o => EqualityComparer<T>.Default.Equals(o.Value, Default)).Select(o => o.Spelling).FirstOrDefault();

    /// <summary>How <paramref name="value"/> is written in a config file (its first declared spelling).</summary>
    public string SpellingOf(T value) => Options.First(o => EqualityComparer<T>.Default.Equals(o.Value, value)).Spelling;
}

/// <summary>A list of text values.</summary>
public sealed class TextListKey(string name, string description) : ConfigKey(name, description)
{
    public IReadOnlyList<string>? Default { get; init; }

    public Regex? ItemFormat { get; init; }

    public string ItemTypeName { get; init; } = "string";
}

/// <summary>A Pulumi secret, <c>{secure: &lt;ciphertext&gt;}</c>; a plaintext value is a <c>secret-in-clear</c> finding.</summary>
public sealed class SecretKey(string name, string description) : ConfigKey(name, description)
{
    public override IReadOnlyList<Rule> ShapeRules => [RuleCatalog.SecretInClear];
}

/// <summary>A key accepted and passed on without being read (Pulumi's own keys, other gcp provider settings).</summary>
public sealed class PassThroughKey(string name, string description) : ConfigKey(name, description);

/// <summary>
/// One condition of a <see cref="MapKey.RequireOneOf"/> alternative: the key has a value (if asked, <c>true</c>, or
/// text that is not blank).
/// </summary>
public sealed record Requirement(string Key, bool MustBeTrue = false, bool NotBlank = false);

/// <summary>A map with a closed set of keys.</summary>
public sealed class MapKey(string name, string description, params ConfigKey[] keys) : ConfigKey(name, description)
{
    public IReadOnlyList<ConfigKey> Keys { get; } = keys;

    /// <summary>Keys that are no longer accepted, with the rule and message that refuse them.</summary>
    public IReadOnlyDictionary<string, (Rule Rule, string Message)> Retired { get; init; } = new Dictionary<string, (Rule, string)>();

    /// <summary>When set, keys matching it are another provider's and accepted as they are (the stack file's <c>config:</c>).</summary>
    public Regex? OtherProvidersKeys { get; init; }

    /// <summary>Alternatives of which at least one must hold (e.g. <c>{id}</c> or <c>{create: true, title}</c>).</summary>
    public IReadOnlyList<IReadOnlyList<Requirement>> RequireOneOf { get; init; } = [];

    public override IReadOnlyList<Rule> ShapeRules => [.. Retired.Values.Select(r => r.Rule).Distinct()];

    public ConfigKey? Find(string key) => Keys.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.Ordinal));

    public T Get<T>(string key)
        where T : ConfigKey => Find(key) as T ?? throw new InvalidOperationException($"the config contract has no {typeof(T).Name} `{key}` in `{Name}`.");
}

/// <summary>A list of maps of one shape.</summary>
public sealed class MapListKey(string name, string description, MapKey item) : ConfigKey(name, description)
{
    public MapKey Item { get; } = item;

    /// <summary>How the default is documented (e.g. one pool <c>serving</c>); null for an empty list.</summary>
    public string? DefaultText { get; init; }
}

/// <summary>Either one of a few words or a map (IAP's <c>oauthClient</c>: <c>managed</c> or <c>{clientId, clientSecret}</c>).</summary>
public sealed class ChoiceOrMapKey(string name, string description, string defaultSpelling, MapKey map) : ConfigKey(name, description)
{
    public IReadOnlyList<string> Spellings { get; } = [defaultSpelling];

    public string DefaultSpelling { get; } = defaultSpelling;

    public MapKey Map { get; } = map;

    /// <summary>Words that are refused with their own rule (e.g. <c>create</c>: the API that did it is gone).</summary>
    public IReadOnlyDictionary<string, Rule> RetiredSpellings { get; init; } = new Dictionary<string, Rule>();

    public override IReadOnlyList<Rule> ShapeRules => [RuleCatalog.InvalidValue, .. RetiredSpellings.Values.Distinct(), .. Map.ShapeRules];
}
