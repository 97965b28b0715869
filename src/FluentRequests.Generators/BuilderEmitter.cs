using System.Linq;

namespace FluentRequests.Generators;

/// <summary>The fluent builder's senders for every verb, and its <c>With…</c> modifiers for the keywords the table marks.</summary>
internal static class BuilderEmitter
{
    private const string Indent = "    ";

    public static string Builder()
    {
        var w = new SourceWriter("RequestBuilder's senders and keyword modifiers.");
        w.Line("public sealed partial class RequestBuilder").Line("{");
        foreach (var verb in ArgumentTable.Verbs) EmitSender(w, verb);
        foreach (var keyword in ArgumentTable.Keywords)
        {
            if (keyword.Modifier is { IsHandWritten: false } modifier) EmitModifier(w, keyword, modifier);
        }
        w.Line("}");
        return w.ToString();
    }

    private static void EmitSender(SourceWriter w, Verb verb)
    {
        var keywords = verb.BuilderPositionals.Select(ArgumentTable.Find).ToList();
        foreach (bool async in new[] { false, true })
        {
            w.BeforeMember();
            string note = verb.BuilderNote is null ? "" : " " + verb.BuilderNote;
            w.Line($"{Indent}/// <summary>Sends {verb.Sends}{(async ? " asynchronously" : "")} with this builder's settings.{note}</summary>");
            if (verb.HttpMethod is null) w.Line($"{Indent}/// <param name=\"method\">The HTTP method, any case.</param>");
            w.ParameterDocs(keywords, Indent);
            if (async) w.Line(Indent + SourceWriter.CancellationTokenDoc);
            w.Line($"{Indent}/// <returns>The response, its body read unless streaming.</returns>");
            w.Line($"{Indent}/// <exception cref=\"RequestException\">The request failed; the subclass says how (see the exception tree).</exception>");
            var parameters = keywords.Select(k => $"{k.ParameterType} {k.Identifier} = null").ToList();
            if (verb.HttpMethod is null) parameters.Insert(0, "string method");
            if (async) parameters.Add(SourceWriter.CancellationTokenParameter);
            string name = verb.BuilderName + (async ? "Async" : "");
            string method = verb.HttpMethod is null ? "method" : $"\"{verb.HttpMethod}\"";
            string args = keywords.Count == 0 ? "_args"
                : "_args with { " + string.Join(", ", keywords.Select(k => $"{k.Property} = {k.Identifier}")) + " }";
            string completion = async ? ", async: true, cancellationToken).AsTask()" : ", async: false, default).EnsureCompleted()";
            w.Line($"{Indent}public {(async ? "Task<Response>" : "Response")} {name}({string.Join(", ", parameters)})");
            w.Line($"{Indent}{Indent}=> SendCoreAsync({method}, {args}{completion};");
        }
    }

    private static void EmitModifier(SourceWriter w, Keyword keyword, BuilderModifier modifier)
    {
        w.BeforeMember();
        w.Line($"{Indent}/// <summary>{modifier.Summary}</summary>");
        w.Line($"{Indent}/// <param name=\"{keyword.Name}\">{modifier.ParameterDoc}</param>");
        if (modifier.ExceptionDoc is not null) w.Line($"{Indent}/// {modifier.ExceptionDoc}");
        string defaultValue = modifier.DefaultValue is null ? "" : " = " + modifier.DefaultValue;
        w.Line($"{Indent}public RequestBuilder {modifier.Method}({keyword.Type} {keyword.Identifier}{defaultValue})");
        w.Line($"{Indent}{Indent}=> With(_args with {{ {keyword.Property} = {modifier.Value} }});");
    }
}
