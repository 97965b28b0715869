namespace FluentRequests.Generators;

/// <summary>One keyword argument of the verbs: always optional, nullable, defaulting to <c>null</c> ("use the session's").</summary>
internal sealed class Keyword
{
    public Keyword(string name, string property, string type, bool isValueType, string doc, bool onSend = false, BuilderModifier? modifier = null)
    {
        Name = name;
        Property = property;
        Type = type;
        IsValueType = isValueType;
        Doc = doc;
        OnSend = onSend;
        Modifier = modifier;
    }

    /// <summary>The camelCase name, as Requests' keyword.</summary>
    public string Name { get; }

    /// <summary>The name as a C# identifier (<c>@params</c>).</summary>
    public string Identifier => Name == "params" ? "@params" : Name;

    /// <summary>The <c>RequestArgs</c> property that carries it.</summary>
    public string Property { get; }

    /// <summary>The type without its <c>?</c>.</summary>
    public string Type { get; }

    public bool IsValueType { get; }

    public string ParameterType => Type + "?";

    /// <summary>The type as <c>typeof</c> accepts it (a nullable reference type is written without <c>?</c>).</summary>
    public string TypeOfExpression => IsValueType ? Type + "?" : Type;

    /// <summary>The XML text of its <c>&lt;param&gt;</c>.</summary>
    public string Doc { get; }

    /// <summary>Whether <c>Session.Send</c> of a prepared request takes it (it changes how, not what, is sent).</summary>
    public bool OnSend { get; }

    /// <summary>How the fluent builder sets it, or <c>null</c> when a builder sender takes it.</summary>
    public BuilderModifier? Modifier { get; }
}
