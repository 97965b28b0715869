using System.Reflection;

namespace FluentRequests.Tests.Api;

/// <summary>
/// Every public verb of Requests, Session and RequestBuilder, sync and async, agrees with the argument table the
/// generator reads: names, types, nullability, defaults and order. A hand-written verb or overload that drifts fails here.
/// </summary>
public class ArgumentTableTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    // API.md's common arguments, in its order; the table's later keywords are this library's additions.
    private static readonly string[] ApiMdOrder =
        ["params", "data", "json", "headers", "cookies", "files", "auth", "timeout", "allowRedirects", "proxies", "verify", "stream", "cert"];

    // The builder's senders that are not verbs of the table: each takes its own body argument.
    private static readonly string[] BuilderShortcuts = ["PostJson", "PutJson", "PatchJson", "PostForm", "PostMultipart", "GetJson"];

    private sealed record Expected(string Name, Type Type, bool Nullable, bool HasDefault, object? Default);

    private static readonly Expected Url = new("url", typeof(string), false, false, null);
    private static readonly Expected Method = new("method", typeof(string), false, false, null);
    private static readonly Expected Token = new("cancellationToken", typeof(CancellationToken), false, true, null);

    private static Expected FromKeyword(ArgumentTable.Keyword k) => new(k.Name, k.Type, true, true, null);

    private static ArgumentTable.Keyword Keyword(string name) => ArgumentTable.Keywords.Single(k => k.Name == name);

    /// <summary>The rule: the URL, the verb's positionals, every other keyword in the table's order, the token.</summary>
    private static List<Expected> VerbSignature(ArgumentTable.Verb verb)
    {
        var list = new List<Expected>();
        if (verb.HttpMethod is null) list.Add(Method);
        list.Add(Url);
        list.AddRange(verb.Positionals.Select(Keyword).Select(FromKeyword));
        list.AddRange(ArgumentTable.Keywords.Where(k => !verb.Positionals.Contains(k.Name)).Select(FromKeyword));
        list.Add(Token);
        return list;
    }

    [Test]
    public void TheTableStartsWithApiMdsCommonArgumentsInItsOrder()
    {
        Assert.That(ArgumentTable.Keywords.Take(ApiMdOrder.Length).Select(k => k.Name), Is.EqualTo(ApiMdOrder));
        Assert.That(ArgumentTable.Keywords.Select(k => k.Name), Is.Unique);
        Assert.That(ArgumentTable.Verbs.Select(v => v.Name), Is.EqualTo(new[] { "Request", "Head", "Get", "Post", "Put", "Patch", "Delete", "Options" }));
    }

    [Test]
    public void PositionalsFollowApiMd()
    {
        // Put and Patch take json third like Post, so Put(url, data, x) and Post(url, data, x) mean the same.
        var positionals = ArgumentTable.Verbs.ToDictionary(v => v.Name, v => string.Join(",", v.Positionals));
        Assert.That(positionals["Get"], Is.EqualTo("params"));
        Assert.That(positionals["Post"], Is.EqualTo("data,json"));
        Assert.That(positionals["Put"], Is.EqualTo("data,json"));
        Assert.That(positionals["Patch"], Is.EqualTo("data,json"));
        foreach (var name in new[] { "Request", "Head", "Delete", "Options" }) Assert.That(positionals[name], Is.Empty, name);
    }

    [TestCase(typeof(Requests))]
    [TestCase(typeof(Session))]
    public void EveryVerbAgreesWithTheTable(Type type)
    {
        foreach (var verb in ArgumentTable.Verbs)
        {
            Check(Single(type, verb.Name), VerbSignature(verb), typeof(Response));
            Check(Single(type, verb.Name + "Async"), VerbSignature(verb), typeof(Task<Response>));
        }
    }

    [TestCase(typeof(Requests))]
    [TestCase(typeof(Session))]
    public void NoSenderOutsideTheTable(Type type)
    {
        var known = ArgumentTable.Verbs.SelectMany(v => new[] { v.Name, v.Name + "Async" }).Concat(["Send", "SendAsync"]).ToHashSet();
        var senders = Senders(type).Select(m => m.Name).Where(n => !known.Contains(n)).ToList();
        Assert.That(senders, Is.Empty, "public senders not generated from the table");
    }

    [Test]
    public void SessionSendTakesTheSendKeywordsInTableOrder()
    {
        var expected = new List<Expected> { new("request", typeof(PreparedRequest), false, false, null) };
        expected.AddRange(ArgumentTable.Keywords.Where(k => k.OnSend).Select(FromKeyword));
        expected.Add(Token);
        Check(Single(typeof(Session), "Send"), expected, typeof(Response));
        Check(Single(typeof(Session), "SendAsync"), expected, typeof(Task<Response>));
        Assert.That(ArgumentTable.Keywords.Where(k => k.OnSend).Select(k => k.Name),
            Is.SupersetOf(new[] { "timeout", "allowRedirects", "proxies", "verify", "stream", "cert" }), "Requests' send() arguments");
    }

    [Test]
    public void EveryBuilderSenderAgreesWithTheTable()
    {
        foreach (var verb in ArgumentTable.Verbs)
        {
            var expected = new List<Expected>();
            if (verb.HttpMethod is null) expected.Add(Method);
            expected.AddRange(verb.BuilderPositionals.Select(Keyword).Select(FromKeyword));
            Check(Single(typeof(RequestBuilder), verb.BuilderName), expected, typeof(Response));
            Check(Single(typeof(RequestBuilder), verb.BuilderName + "Async"), [.. expected, Token], typeof(Task<Response>));
        }
    }

    [Test]
    public void BuilderShortcutsHaveAsyncTwinsWithTheTokenLast()
    {
        var tableNames = ArgumentTable.Verbs.SelectMany(v => new[] { v.BuilderName, v.BuilderName + "Async" }).ToHashSet();
        var others = Senders(typeof(RequestBuilder)).Where(m => !tableNames.Contains(m.Name)).ToList();
        Assert.That(others.Where(m => !m.Name.EndsWith("Async")).Select(m => m.Name).Distinct(), Is.EquivalentTo(BuilderShortcuts));
        foreach (var sync in others.Where(m => !m.Name.EndsWith("Async")))
        {
            // Overloads (a JsonTypeInfo<T> beside the options or object form): each has its own twin.
            var syncShape = sync.GetParameters().Select(Shape).ToList();
            var twins = others.Where(m => m.Name == sync.Name + "Async" && m.GetParameters().Length == syncShape.Count + 1
                && m.GetParameters().SkipLast(1).Select(Shape).SequenceEqual(syncShape)).ToList();
            Assert.That(twins, Has.Count.EqualTo(1), $"{sync}: one async twin with the same parameters, then the token");
            Assert.That(Describe(twins[0].GetParameters()[^1]), Is.EqualTo(Token), twins[0].ToString());
        }
        Assert.That(others.Count(m => m.Name.EndsWith("Async")), Is.EqualTo(others.Count(m => !m.Name.EndsWith("Async"))), "no async without a sync");
    }

    // A parameter's description with its type as written, so the T of two generic methods compares equal.
    private static string Shape(ParameterInfo p) => $"{Describe(p) with { Type = typeof(void) }} {p.ParameterType}";

    [Test]
    public void EveryKeywordCanBeSetOnTheBuilderOrIsTakenByItsSenders()
    {
        var takenBySenders = ArgumentTable.Verbs.SelectMany(v => v.BuilderPositionals).Append("files").ToHashSet();
        foreach (var k in ArgumentTable.Keywords)
        {
            if (k.BuilderModifier is null)
            {
                Assert.That(takenBySenders, Does.Contain(k.Name), $"{k.Name} has no With… method and no sender takes it");
                continue;
            }
            var modifiers = typeof(RequestBuilder).GetMethods().Where(m => m.Name == k.BuilderModifier).ToList();
            Assert.That(modifiers, Has.Count.EqualTo(1), k.BuilderModifier);
            var modifier = modifiers[0];
            Assert.That(modifier.ReturnType, Is.EqualTo(typeof(RequestBuilder)), k.BuilderModifier);
            var parameter = modifier.GetParameters().Single();
            if (parameter.Name != k.Name) continue; // hand-written (WithParams(object parameters) …): existence is the contract
            Assert.That(parameter.ParameterType, Is.EqualTo(Nullable.GetUnderlyingType(k.Type) ?? k.Type), k.BuilderModifier);
            Assert.That(parameter.HasDefaultValue, Is.EqualTo(k.BuilderModifierDefault is not null), k.BuilderModifier);
            if (k.BuilderModifierDefault is not null) Assert.That(parameter.DefaultValue, Is.EqualTo(k.BuilderModifierDefault));
            if (!parameter.ParameterType.IsValueType)
            {
                Assert.That(Nullability.Create(parameter).ReadState, Is.EqualTo(NullabilityState.NotNull), k.BuilderModifier);
            }
        }
    }

    [Test]
    public void RequestArgsHasOnePropertyPerKeyword()
    {
        var properties = typeof(RequestArgs).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract").ToDictionary(p => p.Name, p => p.PropertyType);
        var expected = ArgumentTable.Keywords.ToDictionary(k => char.ToUpperInvariant(k.Name[0]) + k.Name[1..], k => k.Type);
        Assert.That(properties, Is.EquivalentTo(expected));
    }

    private static IEnumerable<MethodInfo> Senders(Type type)
        => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Response) || m.ReturnType == typeof(Task<Response>)
                || (m.IsGenericMethodDefinition && m.Name.StartsWith("GetJson")));

    private static MethodInfo Single(Type type, string name)
    {
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == name).ToList();
        Assert.That(methods, Has.Count.EqualTo(1), $"{type.Name}.{name}: one method per verb, no overloads");
        return methods[0];
    }

    private static void Check(MethodInfo method, List<Expected> expected, Type returnType)
    {
        string where = $"{method.DeclaringType!.Name}.{method.Name}";
        Assert.That(method.ReturnType, Is.EqualTo(returnType), where);
        var actual = method.GetParameters().Select(Describe).ToList();
        Assert.That(actual, Is.EqualTo(expected), where);
    }

    private static Expected Describe(ParameterInfo p)
    {
        bool nullable = Nullable.GetUnderlyingType(p.ParameterType) is not null
            || (!p.ParameterType.IsValueType && Nullability.Create(p).ReadState == NullabilityState.Nullable);
        return new Expected(p.Name!, p.ParameterType, nullable, p.HasDefaultValue, p.HasDefaultValue ? p.DefaultValue : null);
    }
}
