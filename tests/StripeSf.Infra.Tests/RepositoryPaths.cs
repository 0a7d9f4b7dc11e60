namespace StripeSf.Infra.Tests;

/// <summary>Paths inside the repository, found by walking up to StripeSfFunctions.sln.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding StripeSfFunctions.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>An absolute path from a repository-relative one written with '/'.</summary>
    public static string Combine(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StripeSfFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"StripeSfFunctions.sln not found above {AppContext.BaseDirectory}.");
    }
}
