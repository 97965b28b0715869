namespace FluentRequests.Tests.Body;

/// <summary>
/// The ways a user reads a body: buffered by the call, or streamed and read through Content, IterContent, Raw,
/// IterChunks (one reused buffer), CopyTo (a stream) or SaveTo (a file).
/// </summary>
public enum BodyRead
{
    Buffered,
    Content,
    IterContent,
    Raw,
    IterChunks,
    CopyTo,
    SaveTo,
}
