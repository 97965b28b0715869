using Microsoft.CodeAnalysis;

namespace FluentRequests.Generators;

/// <summary>
/// Writes the call surface of the FluentRequests assembly from <see cref="ArgumentTable"/>: the verbs of
/// <c>Requests</c>, <c>Session</c> and <c>RequestBuilder</c>, <c>RequestArgs</c>, and the table itself as data.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class VerbSurfaceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only the library gets the surface, whatever else loads this analyzer.
        var isLibrary = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName == "FluentRequests");
        context.RegisterSourceOutput(isLibrary, static (output, isLibrary) =>
        {
            if (!isLibrary) return;
            output.AddSource("Requests.Verbs.g.cs", ApiEmitter.Requests());
            output.AddSource("Session.Verbs.g.cs", ApiEmitter.Session());
            output.AddSource("RequestBuilder.Verbs.g.cs", BuilderEmitter.Builder());
            output.AddSource("RequestArgs.g.cs", TableEmitter.RequestArgs());
            output.AddSource("ArgumentTable.g.cs", TableEmitter.Table());
        });
    }
}
