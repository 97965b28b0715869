namespace FluentRequests.ServiceSample;

/// <summary>A day's forecast, as the downstream API answers it.</summary>
/// <param name="Summary">The weather in a word.</param>
/// <param name="TemperatureC">The temperature in degrees Celsius.</param>
public sealed record Forecast(string Summary, int TemperatureC);

/// <summary>A typed client: it gets the <c>downstream</c> session, one for the app's life, shared by every request.</summary>
/// <param name="session">The registered session.</param>
public sealed class DownstreamClient(Session session)
{
    /// <summary>GET forecast, relative to the session's BaseUrl; a status of 400 or more raises <see cref="HttpStatusException"/>.</summary>
    /// <param name="cancellationToken">The inbound request's cancellation.</param>
    /// <returns>The forecast.</returns>
    public async Task<Forecast> GetForecastAsync(CancellationToken cancellationToken)
    {
        var response = await session.GetAsync("forecast", cancellationToken: cancellationToken);
        response.RaiseForStatus();
        return response.Json<Forecast>()!;
    }
}
