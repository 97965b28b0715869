namespace FluentRequests.Testing.Tests.Recipes;

// docs/testing.md, "A worked example": the small API client the recipes test. It takes its Session, so a test can
// hand it one (the fake's, or one pointed at WireMock), and it also works when it creates its own.

/// <summary>A user of the example API.</summary>
public sealed record User(int Id, string Name);

/// <summary>A client of https://api.example.com/: create a user, find one by id.</summary>
public sealed class UsersClient(Session session)
{
    /// <summary>A client on a session of its own.</summary>
    public UsersClient()
        : this(new Session { BaseUrl = "https://api.example.com/" })
    {
    }

    /// <summary>Creates a user: POST /users with a JSON body; a 4xx or 5xx answer is an <see cref="HttpStatusException"/>.</summary>
    public async Task<User> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await session.PostAsync("users", json: new { name }, cancellationToken: cancellationToken);
        response.RaiseForStatus();
        return response.Json<User>()!;
    }

    /// <summary>The user with <paramref name="id"/>, or <see langword="null"/> when the API answers 404.</summary>
    public async Task<User?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        using var response = await session.GetAsync($"users/{id}", cancellationToken: cancellationToken);
        if (response.StatusCode == 404) return null;
        response.RaiseForStatus();
        return response.Json<User>();
    }
}
