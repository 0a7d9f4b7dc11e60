using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StripeSf.Infra.Tests;

/// <summary>
/// The ARM template compiled from infra/main.bicep (infra/out/main.json). CI builds it in
/// .ci/steps/bicep.sh before the tests; when it is missing or older than a .bicep file,
/// routes.json or queues.json, the same script is run here, so the tests never judge a stale template.
/// </summary>
internal static class ArmTemplate
{
    private static readonly Lazy<JsonObject> LazyTemplate = new(Load);

    public static JsonObject Main => LazyTemplate.Value;

    /// <summary>The nested template of the module deployment named <paramref name="moduleName"/>.</summary>
    public static JsonObject Module(string moduleName) =>
        Main["resources"]!.AsArray()
            .Select(r => r!.AsObject())
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == moduleName)
            ["properties"]!["template"]!.AsObject();

    /// <summary>Every resource of the template and its nested templates, with the template that declares it.</summary>
    public static IEnumerable<(JsonObject Resource, JsonObject Template)> AllResources() => Walk(Main);

    private static IEnumerable<(JsonObject, JsonObject)> Walk(JsonObject template)
    {
        foreach (var node in template["resources"]!.AsArray())
        {
            var resource = node!.AsObject();
            yield return (resource, template);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonObject Load()
    {
        var output = RepositoryPaths.Combine("infra/out/main.json");
        if (!File.Exists(output) || File.GetLastWriteTimeUtc(output) < NewestInput())
        {
            Build();
        }

        return JsonNode.Parse(File.ReadAllText(output))!.AsObject();
    }

    private static DateTime NewestInput() =>
        Directory.EnumerateFiles(RepositoryPaths.Combine("infra"), "*.bicep*", SearchOption.AllDirectories)
            .Append(RepositoryPaths.Combine("src/StripeSf.Core/Routing/routes.json"))
            .Append(RepositoryPaths.Combine("src/StripeSf.Core/Settlement/queues.json"))
            .Max(File.GetLastWriteTimeUtc);

    private static void Build()
    {
        var script = RepositoryPaths.Combine(".ci/steps/bicep.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("infra/out/main.json is missing and `bash .ci/steps/bicep.sh` did not finish within 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"infra/out/main.json is missing or stale and `bash .ci/steps/bicep.sh` failed (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
