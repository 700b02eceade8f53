using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;
using SecureServing.Core.Validation.Rules;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config.Loading;

/// <summary>
/// Reads <c>Pulumi.&lt;stack&gt;.yaml</c> (Pulumi's stack-file format: a <c>config:</c> map of namespaced keys with
/// structured values; <c>secure:</c> values stay opaque) into a <see cref="PlatformConfig"/> with defaults filled in.
/// Mistakes become findings; missing values become empty placeholders that the rules skip. Keys, enum spellings and
/// defaults come from <see cref="StackFileContract"/>.
/// </summary>
internal static partial class StackFileReader
{
    public const string Namespace = StackFileContract.Namespace;

    public static PlatformConfig? Read(YamlNode root, string stack, LoadContext ctx)
    {
        var file = YamlMap.Of(root, "", ctx, "a map with a `config:` key (Pulumi's stack-file format)", StackFileContract.File);
        if (file is null)
        {
            return null;
        }

        file.Allow(StackFileContract.PulumiFileKeys);
        var configNode = file.Value("config");
        if (configNode is null)
        {
            ctx.Report(RuleCatalog.MissingKey, "config", null, "The stack file has no `config:` map.", "Put the settings under `config:` (Pulumi's stack-file format).");
        }

        file.Finish();

        // Config keys are full names (`secure-serving:network`), so the config map's own path is empty.
        var config = configNode is null ? null : YamlMap.Of(configNode, "", ctx, "a map of config keys", StackFileContract.Settings, where: $"under `config:` in `{ctx.File}` (Pulumi's stack-file format)");
        if (config is null)
        {
            return null;
        }

        var bare = new Dictionary<string, (Rule, string)>(StringComparer.Ordinal);
        foreach (var key in config.Keys)
        {
            if (!key.Contains(':', StringComparison.Ordinal) && StackFileContract.BareSettingKeys.Contains(key))
            {
                bare[key] = (RuleCatalog.UnknownKey, $"write the key with its namespace, `{Namespace}{key}`, so it cannot be confused with another project's.");
            }
            else if (StackFileContract.Settings.OtherProvidersKeys!.IsMatch(key))
            {
                config.Allow(key); // other providers' settings (kubernetes:, random:, pulumi:) are theirs to check
            }
        }

        config.Allow(StackFileContract.GcpProviderKeys);
        var projectId = Required(config, "gcp:project", Formats.ProjectId().IsMatch, "a GCP project ID (6-30 lowercase letters, digits, hyphens)");
        var region = Required(config, "gcp:region", Formats.Region().IsMatch, "a GCP region such as `europe-west4`");
        var deploymentName = config.String(Namespace + "deploymentName", required: true) ?? "";
        var organizationId = Required(config, Namespace + "organizationId", Formats.Numeric().IsMatch, "the numeric organization ID (`gcloud organizations list`)");
        var projectNumber = Required(config, Namespace + "projectNumber", Formats.Numeric().IsMatch, "the numeric project number (`gcloud projects describe`)");
        var protect = config.Bool(Namespace + "protect");

        var ingress = ReadIngress(config);
        var isProduction = protect ?? stack is "prod" or "production";
        var cluster = ReadCluster(config, deploymentName, isProduction, region);
        var result = new PlatformConfig
        {
            Stack = stack,
            DeploymentName = deploymentName,
            ProjectId = projectId,
            Region = region,
            OrganizationId = organizationId,
            ProjectNumber = projectNumber,
            IsProduction = isProduction,
            Network = ReadNetwork(config, deploymentName),
            Cluster = cluster,
            Perimeter = ReadPerimeter(config, deploymentName, stack, projectNumber),
            RegistryDns = ReadRegistryDns(config),
            Iap = ReadIap(config, ingress.Hostname),
            Mesh = ReadMesh(config),
            Ingress = ingress,
            Versions = ReadVersions(config),
            Serving = ReadServing(config, cluster.Provider),
            Teams = [],
            Acknowledgements = AcknowledgementReader.Read(config, Namespace + "acknowledge"),
            BinaryAuthorization = ReadBinaryAuthorization(config, isProduction),
            Kms = ReadKms(config, region),
            Labels = ReadLabels(config),
        };
        config.Finish(bare);
        return result;
    }

    private static string Required(YamlMap map, string key, Func<string, bool> valid, string what)
    {
        var value = map.String(key, required: true);
        if (value is null)
        {
            return "";
        }

        if (!valid(value))
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key), $"`{map.Child(key)}` is `{value}`; it must be {what}.", $"Set `{key}` to {what}.");
        }

        return value;
    }

    internal static void Check(YamlMap map, string key, string? value, Func<string, bool> valid, string what)
    {
        if (value is not null && !valid(value))
        {
            map.Ctx.Report(RuleCatalog.InvalidValue, map.Child(key), map.Value(key), $"`{map.Child(key)}` is `{value}`; it must be {what}.", $"Set `{key}` to {what}.");
        }
    }

    internal static void CheckMembers(LoadContext ctx, string path, IReadOnlyList<string> members, Func<string, bool> valid, string what)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (!valid(members[i]))
            {
                var item = ctx.Sources.Item(ctx.File, path, i);
                ctx.Report(RuleCatalog.InvalidValue, item, null, $"`{item}` is `{members[i]}`; it must be {what}.", $"Write it as {what}.");
            }
        }
    }
}
