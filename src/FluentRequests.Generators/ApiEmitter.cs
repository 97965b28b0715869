using System.Collections.Generic;
using System.Linq;

namespace FluentRequests.Generators;

/// <summary>The verbs of <c>Requests</c> (on a throwaway session) and of <c>Session</c>, sync and async, and <c>Session.Send</c>.</summary>
internal static class ApiEmitter
{
    private const string Indent = "    ";

    private const string Returns = "/// <returns>The response, its body read unless streaming.</returns>";
    private const string Throws =
        "/// <exception cref=\"RequestException\">The request failed; the subclass says how (see the exception tree).</exception>";
    private const string ThrowsArgument = "/// <exception cref=\"ArgumentException\">An argument has an unsupported type or value.</exception>";

    public static string Requests()
    {
        var w = new SourceWriter("Requests' top-level verbs, sync and async, each on a throwaway Session.");
        w.Line("public static partial class Requests").Line("{");
        w.Line(Indent + "// Every call runs on Session.ForRequests: Requests' defaults, keeping no cookie, which behaves as Requests'");
        w.Line(Indent + "// throwaway session per call without making one.");
        foreach (var verb in ArgumentTable.Verbs)
        {
            foreach (bool async in new[] { false, true })
            {
                var keywords = ArgumentTable.InSignatureOrder(verb).ToList();
                string name = verb.Name + (async ? "Async" : "");
                w.BeforeMember();
                w.Line($"{Indent}/// <summary>");
                string sends = verb.Sends + (async ? " asynchronously" : "");
                w.Line($"{Indent}/// Sends {sends} on a throwaway <see cref=\"Session\"/>: no cookies or auth outlive the call,");
                w.Line($"{Indent}/// while connections are pooled and reused across calls. Use a <see cref=\"Session\"/> to keep cookies and settings.");
                EndVerbSummary(w, verb, "The absolute URL.");
                ArgumentDocs(w, keywords, sessionMethod: false);
                string method = verb.HttpMethod is null ? "string method, " : "";
                string returnType = async ? "Task<Response>" : "Response";
                w.Line($"{Indent}public static {returnType} {name}({method}string url, "
                    + $"{SourceWriter.Parameters(keywords)}, {SourceWriter.CancellationTokenParameter})");
                string forwardMethod = verb.HttpMethod is null ? "method, " : "";
                w.Line($"{Indent}{Indent}=> Session.ForRequests.{name}({forwardMethod}url, "
                    + $"{SourceWriter.NamedArguments(keywords)}, cancellationToken: cancellationToken);");
            }
        }
        w.Line("}");
        return w.ToString();
    }

    public static string Session()
    {
        var w = new SourceWriter("Requests' Session verbs, sync and async, and Send of a prepared request.");
        w.Line("public sealed partial class Session").Line("{");
        foreach (var verb in ArgumentTable.Verbs)
        {
            foreach (bool async in new[] { false, true })
            {
                var keywords = ArgumentTable.InSignatureOrder(verb).ToList();
                string name = verb.Name + (async ? "Async" : "");
                w.BeforeMember();
                w.Line($"{Indent}/// <summary>");
                w.Line($"{Indent}/// Sends {verb.Sends}{(async ? " asynchronously" : "")} on this session: its headers, cookies, auth and settings apply,");
                w.Line($"{Indent}/// and the cookies the server sets are kept in <see cref=\"Cookies\"/>.");
                EndVerbSummary(w, verb, "The URL, absolute or relative to <see cref=\"BaseUrl\"/>.");
                ArgumentDocs(w, keywords, sessionMethod: true);
                string method = verb.HttpMethod is null ? "string method, " : "";
                string returnType = async ? "Task<Response>" : "Response";
                w.Line($"{Indent}public {returnType} {name}({method}string url, "
                    + $"{SourceWriter.Parameters(keywords)}, {SourceWriter.CancellationTokenParameter})");
                string httpMethod = verb.HttpMethod is null ? "method" : $"\"{verb.HttpMethod}\"";
                string completion = async ? ".AsTask()" : ".EnsureCompleted()";
                string asyncArgument = async ? "true" : "false";
                w.Line($"{Indent}{Indent}=> RequestCoreAsync({httpMethod}, url, "
                    + $"{SourceWriter.RequestArgs(keywords)}, async: {asyncArgument}, cancellationToken){completion};");
            }
        }
        EmitSend(w);
        w.Line("}");
        return w.ToString();
    }

    /// <summary>Ends a verb's summary with its note, then documents the method (when it is a parameter) and the URL.</summary>
    private static void EndVerbSummary(SourceWriter w, Verb verb, string urlDoc)
    {
        if (verb.Note is not null) w.Line($"{Indent}/// {verb.Note}");
        w.Line($"{Indent}/// </summary>");
        if (verb.HttpMethod is null) w.Line($"{Indent}/// <param name=\"method\">The HTTP method, any case.</param>");
        w.Line($"{Indent}/// <param name=\"url\">{urlDoc}</param>");
    }

    /// <summary>The keywords', the token's, the result's and the exceptions' docs every sender shares.</summary>
    private static void ArgumentDocs(SourceWriter w, List<Keyword> keywords, bool sessionMethod)
    {
        w.ParameterDocs(keywords, Indent);
        w.Line(Indent + SourceWriter.CancellationTokenDoc);
        w.Line(Indent + Returns);
        w.Line(Indent + Throws).Line(Indent + ThrowsArgument);
        if (sessionMethod) w.Line($"{Indent}/// <exception cref=\"ObjectDisposedException\">The session is disposed.</exception>");
    }

    private static void EmitSend(SourceWriter w)
    {
        var keywords = ArgumentTable.Keywords.Where(k => k.OnSend).ToList();
        foreach (bool async in new[] { false, true })
        {
            w.BeforeMember();
            w.Line($"{Indent}/// <summary>");
            w.Line($"{Indent}/// Sends a prepared request{(async ? " asynchronously" : "")} as it is: "
                + "no session headers, cookies or auth are merged again. Redirects");
            w.Line($"{Indent}/// are followed unless <paramref name=\"allowRedirects\"/> is <c>false</c>, whatever the method.");
            w.Line($"{Indent}/// </summary>");
            w.Line($"{Indent}/// <param name=\"request\">The request, from <see cref=\"Prepare\"/>.</param>");
            ArgumentDocs(w, keywords, sessionMethod: true);
            string returnType = async ? "Task<Response>" : "Response";
            w.Line($"{Indent}public {returnType} Send{(async ? "Async" : "")}(PreparedRequest request, "
                + $"{SourceWriter.Parameters(keywords)}, {SourceWriter.CancellationTokenParameter})");
            string completion = async ? ".AsTask()" : ".EnsureCompleted()";
            string asyncArgument = async ? "true" : "false";
            w.Line($"{Indent}{Indent}=> SendPreparedCoreAsync(request, {SourceWriter.RequestArgs(keywords)}, "
                + $"async: {asyncArgument}, cancellationToken){completion};");
        }
    }
}
