// The FluentRequests sample. With no argument it starts an embedded httpbin-like server on 127.0.0.1
// and tours the API against it; with a URL argument (e.g. https://httpbin.org) it targets that instead.
// Exits 0 when every step behaved as expected, 1 otherwise.
using FluentRequests.Samples;

EmbeddedServer? server = null;
string baseUrl;
if (args.Length > 0)
{
    baseUrl = args[0].TrimEnd('/');
}
else
{
    server = await EmbeddedServer.StartAsync();
    baseUrl = server.BaseUrl;
}

try
{
    Console.WriteLine($"Target: {baseUrl}{(server is null ? "" : " (embedded server)")}");
    await Tour.RunAsync(baseUrl);
    Console.WriteLine();
    Console.WriteLine("All steps passed.");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Sample failed: {e}");
    return 1;
}
finally
{
    if (server is not null) await server.DisposeAsync();
}
