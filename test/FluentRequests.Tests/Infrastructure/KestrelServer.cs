using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 port 0, for what WireMock cannot do: counting TCP connections,
/// delaying headers, dribbling a body, breaking a connection; HTTP/2 over TLS or in the clear (h2c). Dispose to stop it.
/// </summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;
    private int _openConnections;

    private KestrelServer(WebApplication app) => _app = app;

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>How many TCP connections the server has accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>How many TCP connections are open now.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    /// <summary>
    /// Starts a server speaking <paramref name="protocol"/>: HTTP/1.1 in the clear, HTTP/1.1 and HTTP/2 over TLS (ALPN) with
    /// <see cref="TestCertificates.Server"/>, or HTTP/2 only in the clear (h2c, prior knowledge).
    /// </summary>
    public static Task<KestrelServer> StartAsync(RequestDelegate handler, ServerProtocol protocol, Action<KestrelServerOptions>? configure = null)
        => protocol switch
        {
            ServerProtocol.Http1 => StartAsync(handler, configure, protocols: HttpProtocols.Http1),
            ServerProtocol.Http2Tls => StartAsync(handler, options =>
            {
                options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server);
                configure?.Invoke(options);
            }, https: true, protocols: HttpProtocols.Http1AndHttp2),
            ServerProtocol.H2c => StartAsync(handler, configure, protocols: HttpProtocols.Http2),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
        };

    public static async Task<KestrelServer> StartAsync(
        RequestDelegate handler, Action<KestrelServerOptions>? configure = null, bool https = false, HttpProtocols? protocols = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        KestrelServer? server = null;
        builder.WebHost.ConfigureKestrel(options =>
        {
            configure?.Invoke(options);
            options.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Use(next => async connection =>
                {
                    Interlocked.Increment(ref server!._connections);
                    Interlocked.Increment(ref server._openConnections);
                    try
                    {
                        await next(connection);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref server._openConnections);
                    }
                });
                if (protocols is { } p) listen.Protocols = p;
                if (https) listen.UseHttps();
            });
        });
        var app = builder.Build();
        server = new KestrelServer(app);
        app.Run(handler);
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
