using FluentRequests;
using FluentRequests.Extensions.DependencyInjection;
using FluentRequests.ServiceSample;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

// The downstream session: BaseUrl, headers, timeouts and retries from FluentRequests:Sessions:downstream
// (appsettings.json), validated at startup. Without a BaseUrl it calls this app's own /fake-downstream stub.
builder.Services.AddFluentRequests().AddSession<DownstreamClient>("downstream", (services, session) =>
{
    if (session.BaseUrl is null)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        session.BaseUrl = addresses.First().Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1") + "/fake-downstream/";
    }
});

var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("FluentRequests.ServiceSample"))
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource("FluentRequests"))
    .WithMetrics(metrics => metrics.AddMeter("FluentRequests"));
if (builder.Configuration.GetValue("Sample:ConsoleExporter", true))
{
    telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
}
if (builder.Configuration.GetValue("Sample:CallOnStart", true))
{
    builder.Services.AddHostedService<CallOnStart>();
}

var app = builder.Build();

// The endpoint: the downstream's forecast, or a problem (502 when it failed, 504 when it missed the deadline).
app.MapGet("/forecast", async (DownstreamClient downstream, CancellationToken cancellationToken) =>
{
    try
    {
        var forecast = await downstream.GetForecastAsync(cancellationToken);
        return Results.Ok(new { source = "downstream", forecast });
    }
    catch (RequestTimeoutException)
    {
        return Results.Problem("The downstream service did not answer within the deadline.", statusCode: StatusCodes.Status504GatewayTimeout);
    }
    catch (RequestException e)
    {
        return Results.Problem($"The downstream service failed: {e.GetType().Name}.", statusCode: StatusCodes.Status502BadGateway);
    }
});

// The embedded stub the downstream session calls when no BaseUrl is configured.
app.MapGet("/fake-downstream/forecast", () => Results.Ok(new Forecast("Sunny", 21)));

app.Run();

/// <summary>The sample's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
