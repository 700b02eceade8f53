using SecureServing.Core.Config.Contract;
using SecureServing.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace SecureServing.Core.Config.Loading;

/// <summary>Reads one team file, <c>stacks/&lt;stack&gt;/&lt;team&gt;.yaml</c>, into a <see cref="TeamConfig"/>.</summary>
internal static class TeamFileReader
{
    /// <summary>KServe model formats (predictor <c>modelFormat.name</c>) the platform serves.</summary>
    public static IReadOnlyList<string> ModelFormats => TeamFileContract.Format.Spellings;

    public const string TeamBucketPlaceholder = TeamFileContract.TeamBucketPlaceholder;

    public static TeamConfig? Read(YamlNode root, LoadContext ctx)
    {
        var file = YamlMap.Of(root, "", ctx, "a map with `team`, `namespace` and `models`", TeamFileContract.File);
        if (file is null)
        {
            return null;
        }

        var team = file.String("team", required: true) ?? "";
        var expectedName = Path.GetFileNameWithoutExtension(ctx.File);
        if (team.Length > 0 && !string.Equals(team, expectedName, StringComparison.Ordinal))
        {
            ctx.Report(RuleCatalog.TeamFileName, "team", file.Value("team"), $"`team` is `{team}` but the file is `{ctx.File}`.", $"Rename the file to `{team}.yaml`, or set `team: {expectedName}`.");
        }

        var members = file.Strings("members") ?? [];
        StackFileReader.CheckMembers(ctx, "members", members, Formats.Member().IsMatch, "an IAM member such as `group:fraud-ml@example.com`");

        var models = new List<ModelConfig>();
        var modelPaths = new List<string>();
        foreach (var (node, path) in file.Items("models"))
        {
            if (YamlMap.Of(node, path, ctx, shape: TeamFileContract.Model) is { } m)
            {
                models.Add(WorkloadReader.Model(m, ReadModel(m)));
                modelPaths.Add(path);
                m.Finish();
            }
        }

        file.Kept("models", modelPaths);

        var result = new TeamConfig
        {
            Team = team,
            Namespace = file.String("namespace", required: true) ?? "",
            Members = members,
            AllowedNamespaces = file.Strings("allowedNamespaces") ?? [],
            Authorization = file.Bool("authorization") ?? TeamFileContract.Authorization.Default,
            Models = models,
            Quota = WorkloadReader.Quota(file),
            Acknowledgements = AcknowledgementReader.Read(file, "acknowledge"),
            SourceFile = ctx.File,
        };
        file.Finish();
        return result;
    }

    private static ModelConfig ReadModel(YamlMap m)
    {
        var format = m.String("format", required: true) ?? "";
        if (format.Length > 0 && !ModelFormats.Contains(format))
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child("format"), m.Value("format"),
                $"`{m.Child("format")}` is `{format}`; supported: {string.Join(", ", ModelFormats)}.{DidYouMean.Hint(format, ModelFormats)}",
                "Use a KServe model format from the list.");
        }

        var storageUri = m.String("storageUri", required: true) ?? "";
        if (storageUri.Length > 0 && !Formats.StorageUri().IsMatch(storageUri))
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child("storageUri"), m.Value("storageUri"),
                $"`{m.Child("storageUri")}` is `{storageUri}`; it must be `{TeamBucketPlaceholder}/path` (the team's bucket) or `gs://bucket/path`.",
                $"Copy the model into the team bucket and write `{TeamBucketPlaceholder}/path/to/model`.");
        }

        var defaults = new ModelConfig { Name = "", Format = "", StorageUri = "" };
        var image = m.String("image");
        if (image is not null && !Formats.Image().IsMatch(image))
        {
            m.Ctx.Report(RuleCatalog.InvalidValue, m.Child("image"), m.Value("image"),
                $"`{m.Child("image")}` is `{image}`, not an image reference (`host/path:tag` or `host/path@sha256:digest`, lowercase, no spaces).",
                "Write the image as `REGION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE:TAG`.");
        }

        return new ModelConfig
        {
            Name = m.String("name", required: true) ?? "",
            Format = format,
            StorageUri = storageUri,
            Activator = m.Enum(TeamFileContract.Activator) ?? defaults.Activator,
            ExposeViaIap = m.Bool("exposeViaIap") ?? defaults.ExposeViaIap,
            SidecarInjection = m.Bool("sidecarInjection") ?? defaults.SidecarInjection,
            Image = image,
        };
    }
}
