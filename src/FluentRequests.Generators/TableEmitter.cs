using System.Linq;

namespace FluentRequests.Generators;

/// <summary><c>RequestArgs</c> (one property per keyword) and <c>ArgumentTable</c>, the table as data for the tests that check the surface.</summary>
internal static class TableEmitter
{
    private const string Indent = "    ";

    public static string RequestArgs()
    {
        var w = new SourceWriter("The arguments of one call, one property per keyword of the table.");
        w.Line("/// <summary>The keyword arguments of one call, as given (<c>null</c> means \"use the session's\"); "
            + "also the fluent builder's state.</summary>");
        w.Line("internal sealed partial record RequestArgs").Line("{");
        bool first = true;
        foreach (var k in ArgumentTable.Keywords)
        {
            if (!first) w.Line();
            first = false;
            w.Line($"{Indent}/// <summary>The <c>{k.Name}</c> argument.</summary>");
            w.Line($"{Indent}public {k.ParameterType} {k.Property} {{ get; init; }}");
        }
        w.Line("}");
        return w.ToString();
    }

    public static string Table()
    {
        var w = new SourceWriter("The argument table the call surface is generated from, as data.");
        w.Line("/// <summary>The argument table the verbs of Requests, Session and RequestBuilder are generated from, "
            + "as data for the tests that check them.</summary>");
        w.Line("internal static class ArgumentTable").Line("{");
        w.Line($"{Indent}/// <summary>A keyword: every verb takes it, optional and nullable, defaulting to <c>null</c>.</summary>");
        w.Line($"{Indent}/// <param name=\"Name\">The parameter name.</param>");
        w.Line($"{Indent}/// <param name=\"Type\">The parameter type (a reference type is nullable).</param>");
        w.Line($"{Indent}/// <param name=\"OnSend\">Whether <c>Session.Send</c> of a prepared request takes it.</param>");
        w.Line($"{Indent}/// <param name=\"BuilderModifier\">The builder method that sets it, or <c>null</c> when a builder sender takes it.</param>");
        w.Line($"{Indent}/// <param name=\"BuilderModifierDefault\">The default of the modifier's parameter, or <c>null</c> for none.</param>");
        w.Line($"{Indent}internal sealed record Keyword(string Name, Type Type, bool OnSend, string? BuilderModifier, object? BuilderModifierDefault);");
        w.Line();
        w.Line($"{Indent}/// <summary>A verb of Requests and Session, and its builder sender.</summary>");
        w.Line($"{Indent}/// <param name=\"Name\">The method name on Requests and Session (the async twin adds <c>Async</c>).</param>");
        w.Line($"{Indent}/// <param name=\"HttpMethod\">The method sent, or <c>null</c> when the caller passes it first.</param>");
        w.Line($"{Indent}/// <param name=\"Positionals\">The keywords right after the URL; the rest follow in <see cref=\"Keywords\"/>' order.</param>");
        w.Line($"{Indent}/// <param name=\"BuilderName\">The builder sender's name.</param>");
        w.Line($"{Indent}/// <param name=\"BuilderPositionals\">The builder sender's keywords.</param>");
        w.Line($"{Indent}internal sealed record Verb(string Name, string? HttpMethod, IReadOnlyList<string> Positionals, "
            + "string BuilderName, IReadOnlyList<string> BuilderPositionals);");
        w.Line();
        w.Line($"{Indent}/// <summary>The keywords in signature order (after a verb's positionals), before the cancellation token.</summary>");
        w.Line($"{Indent}public static IReadOnlyList<Keyword> Keywords {{ get; }} =");
        w.Line($"{Indent}[");
        foreach (var k in ArgumentTable.Keywords)
        {
            string modifier = k.Modifier is null ? "null" : $"\"{k.Modifier.Method}\"";
            string modifierDefault = k.Modifier?.DefaultValue ?? "null";
            w.Line($"{Indent}{Indent}new(\"{k.Name}\", typeof({k.TypeOfExpression}), {(k.OnSend ? "true" : "false")}, {modifier}, {modifierDefault}),");
        }
        w.Line($"{Indent}];");
        w.Line();
        w.Line($"{Indent}/// <summary>The verbs, as API.md lists them.</summary>");
        w.Line($"{Indent}public static IReadOnlyList<Verb> Verbs {{ get; }} =");
        w.Line($"{Indent}[");
        foreach (var v in ArgumentTable.Verbs)
        {
            string method = v.HttpMethod is null ? "null" : $"\"{v.HttpMethod}\"";
            w.Line($"{Indent}{Indent}new(\"{v.Name}\", {method}, {Strings(v.Positionals)}, \"{v.BuilderName}\", {Strings(v.BuilderPositionals)}),");
        }
        w.Line($"{Indent}];");
        w.Line("}");
        return w.ToString();
    }

    private static string Strings(string[] values) => "[" + string.Join(", ", values.Select(v => $"\"{v}\"")) + "]";
}
