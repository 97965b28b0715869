namespace FluentRequests.Tests.Transport;

/// <summary>The ways a user reads a body: buffered by the call, or streamed and read through Content, IterContent or Raw.</summary>
public enum BodyRead
{
    Buffered,
    Content,
    IterContent,
    Raw,
}
