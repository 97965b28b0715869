using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluentRequests.Benchmarks;

/// <summary>
/// The Kestrel server the BenchmarkDotNet suites (and <c>compare --in-process</c>) talk to, on 127.0.0.1 and a free
/// port (loopback only). <c>compare</c> and <c>allocs</c> serve the same endpoints from a child process instead
/// (<see cref="TransferServer"/> hands them to <see cref="HandleAsync"/>).
/// GET /json answers a fixed ~100-byte JSON object; POST /echo parses the JSON body and answers a small JSON.
/// Plain middleware (no routing, no logging) so that the server's own cost per request stays small and equal
/// for every client.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    /// <summary>The body of GET /json.</summary>
    public static readonly byte[] JsonBody = Encoding.UTF8.GetBytes(
        """{"id":12345,"name":"FluentRequests","tags":["http","client","bench"],"active":true,"score":98.6}""");

    private readonly WebApplication _app;

    private BenchServer(WebApplication app, Uri baseUri, Uri h2cUri)
    {
        _app = app;
        BaseUri = baseUri;
        H2cUri = h2cUri;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The same endpoints over HTTP/2 in the clear (h2c, prior knowledge).</summary>
    public Uri H2cUri { get; }

    /// <summary>The absolute URL of GET /json.</summary>
    public string JsonUrl => new Uri(BaseUri, "json").ToString();

    /// <summary>The absolute URL of POST /echo.</summary>
    public string EchoUrl => new Uri(BaseUri, "echo").ToString();

    /// <summary>Starts the server and waits until it listens.</summary>
    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            o.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();
        static Uri WithSlash(string address) => new(address.EndsWith('/') ? address : address + "/");
        return new BenchServer(app, WithSlash(addresses[0]), WithSlash(addresses[1]));
    }

    /// <summary>Starts the server from synchronous code (BenchmarkDotNet's [GlobalSetup]).</summary>
    public static BenchServer Start() => StartAsync().GetAwaiter().GetResult();

    /// <summary>Answers GET /json and POST /echo, 404 otherwise.</summary>
    public static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.Path == "/json" && HttpMethods.IsGet(request.Method))
        {
            response.StatusCode = 200;
            response.ContentType = "application/json";
            response.ContentLength = JsonBody.Length;
            await response.Body.WriteAsync(JsonBody).ConfigureAwait(false);
            return;
        }
        if (request.Path == "/echo" && HttpMethods.IsPost(request.Method))
        {
            int properties;
            using (var document = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false))
            {
                properties = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.GetPropertyCount() : 0;
            }
            byte[] body = properties switch
            {
                4 => EchoFour,
                _ => Encoding.UTF8.GetBytes($$"""{"ok":true,"properties":{{properties}}}"""),
            };
            response.StatusCode = 200;
            response.ContentType = "application/json";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body).ConfigureAwait(false);
            return;
        }
        response.StatusCode = 404;
    }

    private static readonly byte[] EchoFour = Encoding.UTF8.GetBytes("""{"ok":true,"properties":4}""");

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The POST body every client sends: four properties, about 80 bytes of JSON.</summary>
public sealed class Payload
{
    /// <summary>The shared instance (serialized anew on every request by every client).</summary>
    public static readonly Payload Instance = new() { Id = 42, Name = "widget", Quantity = 3, Tags = ["red", "large", "sale"] };

    /// <summary>An id.</summary>
    public int Id { get; set; }

    /// <summary>A name.</summary>
    public string Name { get; set; } = "";

    /// <summary>A quantity.</summary>
    public int Quantity { get; set; }

    /// <summary>Some tags.</summary>
    public string[] Tags { get; set; } = [];
}
