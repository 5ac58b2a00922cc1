using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace LspTriage.Server.Scheduling;

/// <summary>
/// Finds every <see cref="IMethodHandler"/> in this assembly and creates it, filling its constructor's parameters from
/// the server's services by type. Adding a method to the server is writing one handler class.
/// </summary>
internal static class HandlerCatalog
{
    // The executable roots this assembly (TrimmerRootAssembly in server/LspTriage/LspTriage.csproj), so under Native
    // AOT every handler type and its constructor are still there to find.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "LspTriage.Server is a trimmer root assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "LspTriage.Server is a trimmer root assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "LspTriage.Server is a trimmer root assembly.")]
    public static IReadOnlyList<IMethodHandler> Create(IReadOnlyList<object> services)
    {
        var handlers = typeof(HandlerCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMethodHandler).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => Construct(t, services))
            .ToArray();
        var duplicate = handlers.GroupBy(h => h.Method, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two handlers serve {duplicate.Key}: {string.Join(", ", duplicate.Select(h => h.GetType().Name))}.");
        }
        return handlers;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "LspTriage.Server is a trimmer root assembly.")]
    private static IMethodHandler Construct(Type type, IReadOnlyList<object> services)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single();
        var arguments = constructor.GetParameters()
            .Select(p => services.FirstOrDefault(p.ParameterType.IsInstanceOfType)
                ?? throw new InvalidOperationException($"{type.Name} needs a {p.ParameterType.Name}, which the server does not provide."))
            .ToArray();
        return (IMethodHandler)constructor.Invoke(arguments);
    }
}
