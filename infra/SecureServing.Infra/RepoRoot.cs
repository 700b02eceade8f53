namespace SecureServing.Infra;

/// <summary>Finds the repository root: the nearest folder holding <c>Pulumi.yaml</c>.</summary>
public static class RepoRoot
{
    /// <summary>
    /// Walks up from the current directory (Pulumi runs the program in <c>infra/SecureServing.Infra</c>), then from
    /// the program's own folder. Null when neither has a <c>Pulumi.yaml</c> above it.
    /// </summary>
    public static string? Find() => FindFrom(Directory.GetCurrentDirectory()) ?? FindFrom(AppContext.BaseDirectory);

    public static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
