namespace FluentRequests;

// The properties are generated from the argument table (src/FluentRequests.Generators/TableEmitter.cs).
internal sealed partial record RequestArgs
{
    /// <summary>
    /// No keyword given: every setting is the session's. Shared by every such call (the record is immutable; the builder
    /// derives with <c>with</c>), so the common call allocates no arguments object.
    /// </summary>
    public static RequestArgs None { get; } = new();
}
