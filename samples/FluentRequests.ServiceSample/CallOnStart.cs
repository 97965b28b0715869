using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FluentRequests.ServiceSample;

/// <summary>
/// Once the server listens, calls its own /forecast endpoint and logs the answer, so <c>dotnet run</c> shows a working
/// call (and its spans and metrics on the console); the app then keeps serving until stopped (Ctrl+C).
/// </summary>
internal sealed class CallOnStart(IHostApplicationLifetime lifetime, IServer server, ILogger<CallOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        string address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var session = new Session();
        var response = await session.GetAsync(address + "/forecast", cancellationToken: stoppingToken);
        logger.LogInformation("GET {Address}/forecast answered {Status}: {Body}", address, response.StatusCode, response.Text);
    }
}
