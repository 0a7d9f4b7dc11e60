namespace StripeSf.Cli.Commands;

/// <summary>Event files named on the command line: files as given, directories as their *.json files (sorted, recursive).</summary>
public static class EventFiles
{
    /// <summary>The files for <paramref name="path"/>, or null when it does not exist.</summary>
    public static IReadOnlyList<string>? Expand(string path) =>
        File.Exists(path) ? [path]
        : Directory.Exists(path) ? [.. Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
        : null;
}
