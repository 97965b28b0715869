using System.Net;
using System.Net.Sockets;
using WireMock.Server;

namespace FluentRequests.Testing.Tests;

/// <summary>Which calls a fake captures: everything in its asynchronous flow, and nothing outside it.</summary>
public sealed class ScopeTests
{
    [Test]
    public async Task TopLevelCallsAndSessionsCreatedBeforeOrInsideTheScopeAreCaptured()
    {
        using var before = new Session();
        using var http = new FakeHttp();
        http.RespondWith("fake");
        using var inside = new Session();

        var answers = new[]
        {
            Requests.Get("https://a.test/1").Text,
            (await Requests.GetAsync("https://a.test/2")).Text,
            before.Get("https://a.test/3").Text,
            (await inside.GetAsync("https://a.test/4")).Text,
            await Task.Run(() => Requests.Get("https://a.test/5").Text),
            (await Requests.Url("https://a.test/6").GetAsync()).Text,
        };

        Assert.That(answers[0], Is.EqualTo("fake"));
        Assert.That(http.Calls.Select(c => c.Uri.AbsolutePath), Is.EqualTo(new[] { "/1", "/2", "/3", "/4", "/5", "/6" }));
    }

    [Test]
    public void ASessionOverTheCallersOwnHandlerIsCapturedToo()
    {
        using var own = new CountingHandler();
        using var session = new Session(own);
        using var http = new FakeHttp();
        http.RespondWith("from the fake");

        Assert.That(session.Get("https://a.test/").Text, Is.EqualTo("from the fake"));
        Assert.That(own.Sends, Is.Zero);
    }

    [Test]
    public async Task AFakesOwnSessionGoesToItFromAnyFlowEvenInsideAnotherFake()
    {
        using var mine = new FakeHttp();
        mine.ForCallsTo("*").RespondWith("mine");
        using var session = mine.Session();
        string fromElsewhere = await Task.Run(() =>
        {
            // A flow the fake's scope does not reach: ExecutionContext suppressed.
            using (ExecutionContext.SuppressFlow()) return Task.Run(() => session.Get("https://a.test/1").Text);
        });

        string insideOther;
        using (var other = new FakeHttp())
        {
            other.ForCallsTo("*").RespondWith("other");
            insideOther = session.Get("https://a.test/2").Text;
            Assert.That(other.Calls, Is.Empty);
        }

        Assert.That((fromElsewhere, insideOther), Is.EqualTo(("mine", "mine")));
    }

    [Test]
    public void AnInnerFakeTakesOverUntilDisposedThenTheOuterOneIsBack()
    {
        using var outer = new FakeHttp();
        outer.ForCallsTo("*").RespondWith("outer");
        using (var inner = new FakeHttp())
        {
            inner.ForCallsTo("*").RespondWith("inner");
            Assert.That(Requests.Get("https://a.test/").Text, Is.EqualTo("inner"));
        }

        Assert.That(Requests.Get("https://a.test/").Text, Is.EqualTo("outer"));
    }

    [Test]
    public async Task SixteenConcurrentFakesEachSeeOnlyTheirOwnCalls()
    {
        using var start = new Barrier(16);
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            using var http = new FakeHttp();
            http.ForCallsTo("*").RespondWith(call => FakeResponse.Text($"fake {i}: {call.Uri.AbsolutePath}"));
            start.SignalAndWait();
            var texts = new List<string>();
            for (int n = 0; n < 10; n++)
            {
                texts.Add(n % 2 == 0 ? (await Requests.GetAsync($"https://t{i}.test/{n}")).Text : Requests.Get($"https://t{i}.test/{n}").Text);
            }
            return (Index: i, Texts: texts, Calls: http.Calls);
        })));

        foreach (var (index, texts, calls) in results)
        {
            Assert.That(texts, Is.EqualTo(Enumerable.Range(0, 10).Select(n => $"fake {index}: /{n}")));
            Assert.That(calls.Select(c => c.Uri.Host).Distinct(), Is.EqualTo(new[] { $"t{index}.test" }));
            Assert.That(calls, Has.Count.EqualTo(10));
        }
    }

    [Test]
    public void OutsideAnyFakeCallsGoToTheNetworkAgain()
    {
        using var server = WireMockServer.Start();
        server.Given(WmRequest.Create().UsingGet()).RespondWith(WmResponse.Create().WithBody("real"));
        string url = $"http://127.0.0.1:{server.Port}/";
        using var session = new Session { TrustEnv = false };
        var http = new FakeHttp();
        http.RespondWith("fake");
        string inside = session.Get(url).Text;
        http.Dispose();

        string after = session.Get(url).Text;

        Assert.That((inside, after), Is.EqualTo(("fake", "real")));
        Assert.That(server.LogEntries.Count(), Is.EqualTo(1));
    }

    [Test]
    public void ProxySettingsNeverApplyToTheFake()
    {
        using var http = new FakeHttp();
        http.RespondWith("direct");
        using var session = new Session
        {
            Proxies = { ["all"] = $"http://user:pw@127.0.0.1:{ClosedPort()}" },
        };

        var response = session.Get("http://a.test/");

        Assert.That(response.Text, Is.EqualTo("direct"));
        http.ShouldHaveCalled("http://a.test/").WithoutHeader("Proxy-Authorization").Times(1);
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Sends { get; private set; }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sends++;
            return new HttpResponseMessage((HttpStatusCode)418) { Content = new StringContent("own") };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(Send(request, cancellationToken));
    }
}
