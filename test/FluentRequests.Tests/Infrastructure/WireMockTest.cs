using WireMock.Logging;
using WireMock.Server;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// Base for fixtures that talk to WireMock.Net: one server per fixture on a free port, reset before each test.
/// Tests inside a fixture run one at a time; fixtures run in parallel.
/// </summary>
public abstract class WireMockTest
{
    protected WireMockServer Server { get; private set; } = null!;

    /// <summary>The server's base URL on 127.0.0.1, without a trailing slash.</summary>
    protected string BaseUrl { get; private set; } = "";

    /// <summary>The same server reached as "localhost": a second host name for cross-host tests.</summary>
    protected string LocalhostUrl { get; private set; } = "";

    [OneTimeSetUp]
    public void StartServer()
    {
        Server = WireMockServer.Start();
        BaseUrl = $"http://127.0.0.1:{Server.Port}";
        LocalhostUrl = $"http://localhost:{Server.Port}";
    }

    [SetUp]
    public void ResetServer() => Server.Reset();

    [OneTimeTearDown]
    public void StopServer() => Server.Stop();

    protected string Url(string path) => BaseUrl + path;

    /// <summary>The requests the server received since the last reset, oldest first.</summary>
    protected IReadOnlyList<ILogEntry> Received => Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();

    /// <summary>The single request received since the last reset.</summary>
    protected WireMock.IRequestMessage LastRequest => Received.Last().RequestMessage;
}
