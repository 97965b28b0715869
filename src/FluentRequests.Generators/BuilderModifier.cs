namespace FluentRequests.Generators;

/// <summary>The <c>RequestBuilder.With…</c> method that sets one keyword.</summary>
internal sealed class BuilderModifier
{
    /// <summary>A modifier written by hand (it accumulates, or has helpers around it); the table only names it.</summary>
    public BuilderModifier(string method)
    {
        Method = method;
    }

    /// <summary>A generated modifier: <c>With(_args with { Property = value })</c>.</summary>
    public BuilderModifier(string method, string summary, string parameterDoc, string value, string? defaultValue = null, string? exceptionDoc = null)
    {
        Method = method;
        Summary = summary;
        ParameterDoc = parameterDoc;
        Value = value;
        DefaultValue = defaultValue;
        ExceptionDoc = exceptionDoc;
    }

    public string Method { get; }

    public string? Summary { get; }

    public string? ParameterDoc { get; }

    /// <summary>The C# expression stored, in terms of the parameter (it validates).</summary>
    public string? Value { get; }

    public string? DefaultValue { get; }

    /// <summary>An <c>&lt;exception&gt;</c> element, or <c>null</c>.</summary>
    public string? ExceptionDoc { get; }

    public bool IsHandWritten => Value is null;
}
