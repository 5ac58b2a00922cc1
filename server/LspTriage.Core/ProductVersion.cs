using System.Reflection;

namespace LspTriage.Core;

/// <summary>The product's version (Directory.Build.props sets one for every project): CLI output, reports and the server's initialize answer.</summary>
public static class ProductVersion
{
    public static string Current { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
