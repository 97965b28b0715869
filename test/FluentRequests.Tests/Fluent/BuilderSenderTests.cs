using System.Text.Json;

namespace FluentRequests.Tests.Fluent;

/// <summary>The senders of <see cref="RequestBuilder"/>, sync and async: method, body and content type on the wire.</summary>
public class BuilderSenderTests : WireMockTest
{
    [SetUp]
    public void StubEcho()
        => Server.Given(WmRequest.Create().WithPath("/s").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("done"));

    private RequestBuilder Builder => Requests.Url(Url("/s"));

    [Test]
    public async Task BodylessSenderSendsItsMethod([Values("GET", "HEAD", "OPTIONS", "DELETE")] string method, [Values] bool async)
    {
        var b = Builder;
        var response = await (method switch
        {
            "GET" => Send.Either(async, b.Get, () => b.GetAsync()),
            "HEAD" => Send.Either(async, b.Head, () => b.HeadAsync()),
            "OPTIONS" => Send.Either(async, b.Options, () => b.OptionsAsync()),
            _ => Send.Either(async, b.Delete, () => b.DeleteAsync()),
        });

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(LastRequest.Body ?? "", Is.Empty);
    }

    [Test]
    public async Task DataSenderSendsItsMethodAndBody([Values("POST", "PUT", "PATCH")] string method, [Values] bool async)
    {
        var b = Builder;
        var form = new { field = "value 1" };
        var response = await (method switch
        {
            "POST" => Send.Either(async, () => b.Post(form), () => b.PostAsync(form)),
            "PUT" => Send.Either(async, () => b.Put(form), () => b.PutAsync(form)),
            _ => Send.Either(async, () => b.Patch(form), () => b.PatchAsync(form)),
        });

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(LastRequest.Body, Is.EqualTo("field=value+1"));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
    }

    [Test]
    public async Task DataSenderWithoutDataSendsAnEmptyBody([Values("POST", "PUT", "PATCH")] string method, [Values] bool async)
    {
        var b = Builder;
        await (method switch
        {
            "POST" => Send.Either(async, () => b.Post(), () => b.PostAsync()),
            "PUT" => Send.Either(async, () => b.Put(), () => b.PutAsync()),
            _ => Send.Either(async, () => b.Patch(), () => b.PatchAsync()),
        });

        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("0"));
    }

    [Test]
    public async Task JsonSenderSendsJson([Values("POST", "PUT", "PATCH")] string method, [Values] bool async)
    {
        var b = Builder;
        var body = new { id = 5, name = "é" };
        await (method switch
        {
            "POST" => Send.Either(async, () => b.PostJson(body), () => b.PostJsonAsync(body)),
            "PUT" => Send.Either(async, () => b.PutJson(body), () => b.PutJsonAsync(body)),
            _ => Send.Either(async, () => b.PatchJson(body), () => b.PatchJsonAsync(body)),
        });

        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("application/json"));
        using var doc = JsonDocument.Parse(LastRequest.Body!);
        Assert.That(doc.RootElement.GetProperty("id").GetInt32(), Is.EqualTo(5));
        Assert.That(doc.RootElement.GetProperty("name").GetString(), Is.EqualTo("é"));
    }

    [Test]
    public async Task PostJsonOfNullSendsTheLiteralNull([Values] bool async)
    {
        var b = Builder;
        await Send.Either(async, () => b.PostJson(null), () => b.PostJsonAsync(null));

        Assert.That(LastRequest.Body, Is.EqualTo("null"));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public async Task PostFormSendsAForm([Values] bool async)
    {
        var b = Builder;
        var form = new Dictionary<string, object?> { ["a"] = "1", ["b"] = new[] { "x", "y" } };

        await Send.Either(async, () => b.PostForm(form), () => b.PostFormAsync(form));

        Assert.That(LastRequest.Method, Is.EqualTo("POST"));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
        Assert.That(LastRequest.Body, Is.EqualTo("a=1&b=x&b=y"));
    }

    [Test]
    public void PostFormRejectsANonForm()
    {
        Assert.Throws<ArgumentException>(() => Builder.PostForm("raw string"));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task PostMultipartSendsFieldsAndFiles([Values] bool async)
    {
        var b = Builder;
        var files = new Files { { "upload", ("hello.txt", "file contents", "text/plain") } };
        var data = new { note = "n1" };

        await Send.Either(async, () => b.PostMultipart(files, data), () => b.PostMultipartAsync(files, data));

        Assert.That(LastRequest.Method, Is.EqualTo("POST"));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("multipart/form-data; boundary="));
        string body = LastRequest.Body ?? System.Text.Encoding.UTF8.GetString(LastRequest.BodyAsBytes!);
        Assert.That(body, Does.Contain("name=\"note\"").And.Contain("n1"));
        Assert.That(body, Does.Contain("name=\"upload\"").And.Contain("filename=\"hello.txt\"").And.Contain("file contents"));
        Assert.That(body.IndexOf("name=\"note\"", StringComparison.Ordinal), Is.LessThan(body.IndexOf("name=\"upload\"", StringComparison.Ordinal)),
            "data fields come before the files");
    }

    [Test]
    public async Task SendUsesAnyMethodWithData([Values] bool async)
    {
        var b = Builder;
        await Send.Either(async, () => b.Send("PURGE", data: "raw"), () => b.SendAsync("PURGE", data: "raw"));

        Assert.That(LastRequest.Method, Is.EqualTo("PURGE"));
        Assert.That(LastRequest.Body, Is.EqualTo("raw"));
    }

    [Test]
    public async Task SendUsesJsonWhenThereIsNoData([Values] bool async)
    {
        var b = Builder;
        await Send.Either(async, () => b.Send("put", json: new[] { 1, 2 }), () => b.SendAsync("put", json: new[] { 1, 2 }));

        Assert.That(LastRequest.Method, Is.EqualTo("PUT"));
        Assert.That(LastRequest.Body, Is.EqualTo("[1,2]"));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public async Task SendPrefersDataOverJson([Values] bool async)
    {
        var b = Builder;
        await Send.Either(async, () => b.Send("POST", "d", new { j = 1 }), () => b.SendAsync("POST", "d", new { j = 1 }));

        Assert.That(LastRequest.Body, Is.EqualTo("d"));
    }

    private sealed record Item(string Name, int Count);

    [Test]
    public async Task GetJsonDeserializes([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/item").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"name\":\"widget\",\"count\":3}"));
        var b = Requests.Url(Url("/item"));

        var item = await Send.Either(async, () => b.GetJson<Item>(), () => b.GetJsonAsync<Item>());

        Assert.That(item, Is.EqualTo(new Item("widget", 3)));
        Assert.That(LastRequest.Method, Is.EqualTo("GET"));
    }

    [Test]
    public async Task GetJsonRaisesOnNotFound([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/missing").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("{\"name\":\"x\",\"count\":1}"));
        var b = Requests.Url(Url("/missing"));

        var e = await Send.Throws<HttpStatusException>(async, () => b.GetJson<Item>(), () => b.GetJsonAsync<Item>());

        Assert.That(e.Response, Is.Not.Null);
        Assert.That(e.Response!.StatusCode, Is.EqualTo(404));
        Assert.That(e.Message, Does.Contain("404").And.Contain(Url("/missing")));
    }

    [Test]
    public async Task GetJsonRaisesJsonDecodeOnBadJson([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/bad").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("not json"));
        var b = Requests.Url(Url("/bad"));

        await Send.Throws<JsonDecodeException>(async, () => b.GetJson<Item>(), () => b.GetJsonAsync<Item>());
    }

    [Test]
    public async Task SessionBuilderUsesTheSession([Values] bool async)
    {
        using var session = new Session { BaseUrl = BaseUrl };
        session.Headers["X-From-Session"] = "1";
        session.Cookies.Set("sc", "v");
        var b = session.Url("/s");

        await Send.Either(async, b.Get, () => b.GetAsync());

        Assert.That(LastRequest.Header("X-From-Session"), Is.EqualTo("1"));
        Assert.That(LastRequest.Header("Cookie"), Is.EqualTo("sc=v"));
    }

    [Test]
    public async Task UrlWithoutSchemeRaisesMissingSchema([Values] bool async)
    {
        var b = Requests.Url("example.invalid/path");

        var e = await Send.Throws<MissingSchemaException>(async, () => b.Get(), () => b.GetAsync());

        Assert.That(e, Is.InstanceOf<InvalidUrlException>());
        Assert.That(e.Message, Does.Contain("example.invalid/path"));
    }

    [Test]
    public void CancelledTokenThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(async () => await Builder.GetAsync(cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(async () => await Builder.PostJsonAsync(new { }, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Received, Is.Empty);
    }
}
