namespace FluentRequests.Generators;

/// <summary>One verb of Requests' API, and the fluent builder's sender for it.</summary>
internal sealed class Verb
{
    public Verb(
        string name, string? httpMethod, string sends, string[] positionals, string builderName, string[] builderPositionals,
        string? note = null, string? builderNote = null)
    {
        Name = name;
        HttpMethod = httpMethod;
        Sends = sends;
        Positionals = positionals;
        BuilderName = builderName;
        BuilderPositionals = builderPositionals;
        Note = note;
        BuilderNote = builderNote;
    }

    /// <summary>The method name on <c>Requests</c> and <c>Session</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method, or <c>null</c> when the caller passes it (<c>Request</c>).</summary>
    public string? HttpMethod { get; }

    /// <summary>What it sends, after "Sends" (<c>a GET request</c>).</summary>
    public string Sends { get; }

    /// <summary>The keywords that follow the URL in this order; the rest follow in the table's order.</summary>
    public string[] Positionals { get; }

    public string BuilderName { get; }

    /// <summary>The builder sender's parameters (after <c>method</c> for <c>Send</c>); its other settings come from <c>With…</c>.</summary>
    public string[] BuilderPositionals { get; }

    /// <summary>A sentence added to the summary, or <c>null</c>.</summary>
    public string? Note { get; }

    /// <summary>The same for the builder sender, or <c>null</c>.</summary>
    public string? BuilderNote { get; }
}
