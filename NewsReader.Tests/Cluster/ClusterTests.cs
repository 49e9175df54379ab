using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Dom;
using Microsoft.Playwright;
using NewsReader.Data;
using NewsReader.Reactions;
using NewsReader.Tests.Support;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.Tests.Cluster;

/// <summary>
/// The several-instances layout driven from outside, as readers and editors meet it: two NewsReader
/// processes on one PostgreSQL database and one Redis server, nginx in front (<see cref="ClusterSite"/>).
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterTests : IAsyncLifetime
{
    private const string Slug = "harbour-ferry-timetable";
    private const string Title = "Harbour ferry gets a winter timetable";

    private static readonly string Story = $"""
        ---
        title: {Title}
        slug: {Slug}
        summary: The harbour ferry runs every twenty minutes from December.
        author: Priya Castellan
        published: 2026-11-01T09:00:00Z
        categories: [City]
        tags: [ferries]
        ---
        The harbour ferry will run every twenty minutes from the first of December, the port authority said.
        """;

    private ClusterSite _cluster = default!;

    public async Task InitializeAsync() => _cluster = await ClusterSite.StartAsync(($"{Slug}.md", Story));

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Both instances as nginx names them, in order.</summary>
    private string[] BothInstances =>
        new[] { ClusterSite.UpstreamOf(_cluster.A), ClusterSite.UpstreamOf(_cluster.B) }.Order(StringComparer.Ordinal).ToArray();

    private static bool IsReaction(ClusterSite.LoggedRequest request) =>
        request.Method == "POST" && request.Path == $"/articles/{Slug}/reactions";

    [ClusterFact]
    public async Task ReactionsPostedInTurnThroughBothInstancesAreCountedExactly()
    {
        // Both instances show the story before anyone reacts (and may keep that page).
        foreach (var instance in new[] { _cluster.A, _cluster.B })
        {
            Assert.Equal("No responses yet", (await GetStoryAsync(instance.Address)).QuerySelector("#reactions .reaction-total").Text());
        }

        // Each reader presses twice in a row through nginx, so their second press reaches the other
        // instance (which must know their reader cookie): a move to another kind, or, for every third
        // reader, the same button again, which withdraws the reaction.
        var kinds = ReactionKinds.All;
        var presses = new List<(int Reader, ReactionChoice Choice)>();
        const int readerCount = 24;
        for (var i = 0; i < readerCount; i++)
        {
            presses.Add((i, kinds[i % kinds.Count]));
            presses.Add((i, i % 3 == 0 ? kinds[i % kinds.Count] : kinds[(i + i / 2 + 1) % kinds.Count]));
        }
        var readers = Enumerable.Range(0, readerCount).Select(_ => _cluster.NewReader(_cluster.Front)).ToList();
        var expected = new Dictionary<int, ReactionKind>();
        foreach (var (reader, choice) in presses)
        {
            var response = await ClusterSite.ReactAsync(readers[reader], Slug, choice.FormValue);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            if (expected.TryGetValue(reader, out var own) && own == choice.Kind)
            {
                expected.Remove(reader);
            }
            else
            {
                expected[reader] = choice.Kind;
            }
        }

        // nginx took turns: every press went to the other instance than the one before.
        var posts = await _cluster.AccessLogAsync(IsReaction, presses.Count);
        Assert.Equal(presses.Count, posts.Count);
        Assert.All(posts, p => Assert.Equal(303, p.Status));
        var upstreams = posts.Select(p => Assert.Single(p.Upstreams)).ToList();
        Assert.Equal(
            BothInstances,
            upstreams.Distinct().Order(StringComparer.Ordinal));
        for (var i = 1; i < upstreams.Count; i++)
        {
            Assert.NotEqual(upstreams[i - 1], upstreams[i]);
        }

        var expectedCounts = kinds.ToDictionary(k => k.Kind, k => expected.Values.Count(v => v == k.Kind));
        Assert.True(expected.Count is > 0 and < readerCount, "The presses should leave some reactions set and some withdrawn.");

        // In the database: the rows and the per-kind counts the pages read.
        var (rows, counts) = await StoredReactionsAsync();
        Assert.Equal(expectedCounts.Where(c => c.Value > 0).OrderBy(c => c.Key), rows.OrderBy(c => c.Key));
        Assert.Equal(expectedCounts.OrderBy(c => c.Key), kinds.Select(k => KeyValuePair.Create(k.Kind, counts.GetValueOrDefault(k.Kind))));

        // On the story page, through each instance and twice through nginx (both instances again).
        foreach (var site in new[] { _cluster.A.Address, _cluster.B.Address, _cluster.Front, _cluster.Front })
        {
            var page = await GetStoryAsync(site);
            Assert.Equal($"{expected.Count} responses", page.QuerySelector("#reactions .reaction-total").Text());
            foreach (var choice in kinds)
            {
                Assert.Equal(
                    expectedCounts[choice.Kind].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    page.QuerySelector($"button[value={choice.FormValue}] .reaction-count").Text());
            }
        }

        // And each reader sees their own choice pressed, whichever instance answers them.
        for (var i = 0; i < readerCount; i++)
        {
            var page = await readers[i].GetDocumentAsync($"/articles/{Slug}");
            var pressed = page.QuerySelectorAll("#reactions button[aria-pressed=true]").Select(b => b.GetAttribute("value")).ToList();
            Assert.Equal(expected.TryGetValue(i, out var own) ? [kinds.Single(k => k.Kind == own).FormValue] : [], pressed);
        }
    }

    [ClusterFact]
    public async Task AnEditorsChangeThroughOneInstanceIsWhatReadersOfTheOtherSeeAtOnce()
    {
        // An anonymous reader has the story from both instances, directly and through nginx (a cached
        // copy is kept per host name): each instance may now hold both copies in its cache.
        foreach (var site in new[] { _cluster.A.Address, _cluster.B.Address, _cluster.A.Address, _cluster.B.Address, _cluster.Front, _cluster.Front })
        {
            Assert.Equal(Title, (await GetStoryAsync(site)).QuerySelector("h1").Text());
        }
        await AssertStoryPagesThroughNginxCameFromBothAsync(2);

        // The editor signs in and edits through nginx, in a browser; their circuit is on one instance.
        const string newTitle = "Harbour ferry winter timetable delayed to January";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserSite.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = _cluster.Front.ToString().TrimEnd('/') });
        var editor = await context.NewPageAsync();
        await editor.SignInAsync(ClusterSite.AdminEmail, SignIn.Password, returnUrl: "/admin/articles");
        await Expect(editor.Locator("[data-admin-ready='true']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await editor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await editor.WaitForCircuitAsync();
        await Expect(editor.GetByLabel("Title")).ToHaveValueAsync(Title);
        var revisions = editor.Locator(".revision-table tbody tr");
        var before = await revisions.CountAsync();
        await editor.GetByLabel("Title").FillAsync(newTitle);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save changes", Exact = true }).ClickAsync();
        await Expect(revisions).ToHaveCountAsync(before + 1, new() { Timeout = 15_000 });
        await Expect(editor.GetByLabel("Slug")).ToHaveValueAsync(Slug);

        // The admin and its circuit stayed on one instance.
        var admin = await _cluster.AccessLogAsync(r => r.Path.StartsWith("/_blazor", StringComparison.Ordinal), 1);
        var editorsInstance = Assert.Single(admin.SelectMany(r => r.Upstreams).Distinct());
        var other = editorsInstance == ClusterSite.UpstreamOf(_cluster.A) ? _cluster.B : _cluster.A;

        // At once, with no waiting: the other instance, the editor's own, and nginx twice (both).
        var sites = new[]
        {
            ("the other instance", other.Address),
            ("the editor's instance", other == _cluster.A ? _cluster.B.Address : _cluster.A.Address),
            ("nginx", _cluster.Front),
            ("nginx again", _cluster.Front),
        };
        var seen = new List<(string Site, string Title)>();
        foreach (var (name, address) in sites)
        {
            seen.Add((name, (await GetStoryAsync(address)).QuerySelector("h1").Text()));
        }
        Assert.Equal(sites.Select(s => (s.Item1, newTitle)), seen);
        await AssertStoryPagesThroughNginxCameFromBothAsync(4);
        Assert.Equal(newTitle, await ScalarAsync<string>("""SELECT "Title" FROM "Articles" WHERE "Slug" = @slug"""));
    }

    [ClusterFact]
    public async Task KillingOneInstanceLosesNoAcknowledgedReactionAndTheOtherKeepsServing()
    {
        // Readers press through nginx, four at a time; once twenty presses are acknowledged,
        // instance A is killed (SIGKILL: no shutdown code runs) while the rest are still coming.
        const int readerCount = 80;
        var kinds = ReactionKinds.All;
        var readers = Enumerable.Range(0, readerCount).Select(_ => _cluster.NewReader(_cluster.Front)).ToList();
        var answers = new ConcurrentDictionary<int, HttpStatusCode?>();
        var acknowledged = 0;
        var killed = new TaskCompletionSource();
        var acknowledgedAfterKill = 0;
        var next = -1;

        async Task PressAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < readerCount)
            {
                try
                {
                    var response = await ClusterSite.ReactAsync(readers[i], Slug, kinds[i % kinds.Count].FormValue);
                    answers[i] = response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.SeeOther)
                    {
                        if (killed.Task.IsCompleted)
                        {
                            Interlocked.Increment(ref acknowledgedAfterKill);
                        }
                        if (Interlocked.Increment(ref acknowledged) == 20)
                        {
                            await _cluster.A.KillAsync();
                            killed.SetResult();
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    answers[i] = null; // no answer at all: not acknowledged
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(PressAsync)));

        Assert.True(killed.Task.IsCompleted, "Instance A should have been killed partway.");
        Assert.True(_cluster.A.Process.HasExited);
        Assert.Equal(readerCount, answers.Count);
        var acked = answers.Where(a => a.Value == HttpStatusCode.SeeOther).Select(a => a.Key).Order().ToList();
        Assert.True(acknowledgedAfterKill > 0, "Instance B should have taken presses after A was killed.");
        var log = await _cluster.AccessLogAsync(IsReaction, readerCount);
        Assert.Contains(log, r => r.Status == 303 && r.Upstreams[^1] == ClusterSite.UpstreamOf(_cluster.A));

        // Every acknowledged press is in the database; an unacknowledged one may or may not be
        // (A may have committed it and died before answering), but nothing else is there.
        var (rows, counts) = await StoredReactionsAsync();
        Assert.InRange(rows.Values.Sum(), acked.Count, readerCount);
        foreach (var group in acked.GroupBy(i => kinds[i % kinds.Count].Kind))
        {
            Assert.True(rows.GetValueOrDefault(group.Key) >= group.Count(),
                $"{group.Key}: {group.Count()} acknowledged, {rows.GetValueOrDefault(group.Key)} stored.");
        }
        Assert.Equal(rows.Where(r => r.Value > 0).OrderBy(r => r.Key), counts.Where(c => c.Value > 0).OrderBy(c => c.Key));

        // Each reader whose press was acknowledged sees it pressed, through nginx, now served by B alone.
        foreach (var i in acked)
        {
            var response = await readers[i].GetAsync($"/articles/{Slug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal([kinds[i % kinds.Count].FormValue], page.QuerySelectorAll("#reactions button[aria-pressed=true]").Select(b => b.GetAttribute("value")));
        }

        // Reader pages through nginx keep answering, whichever instance's turn it would have been.
        var anonymous = _cluster.NewReader(_cluster.Front);
        foreach (var path in new[] { "/", "/", $"/articles/{Slug}", $"/articles/{Slug}", "/", $"/articles/{Slug}" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var story = await GetStoryAsync(_cluster.Front);
        Assert.Equal(Title, story.QuerySelector("h1").Text());
        Assert.Equal($"{rows.Values.Sum()} responses", story.QuerySelector("#reactions .reaction-total").Text());
    }

    /// <summary>The last two story pages nginx has answered came one from each instance.</summary>
    private async Task AssertStoryPagesThroughNginxCameFromBothAsync(int total)
    {
        var pages = await _cluster.AccessLogAsync(r => r.Method == "GET" && r.Path == $"/articles/{Slug}", total);
        Assert.Equal(total, pages.Count);
        Assert.Equal(
            BothInstances,
            pages.TakeLast(2).Select(p => Assert.Single(p.Upstreams)).Order(StringComparer.Ordinal));
    }

    /// <summary>The story page as an anonymous reader gets it from <paramref name="site"/> (an instance or nginx).</summary>
    private async Task<IDocument> GetStoryAsync(Uri site)
    {
        var reader = _cluster.NewReader(site);
        var response = await reader.GetAsync($"/articles/{Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The story's reaction rows by kind, and its per-kind counts, straight from PostgreSQL.</summary>
    private async Task<(Dictionary<ReactionKind, int> Rows, Dictionary<ReactionKind, int> Counts)> StoredReactionsAsync()
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync();
        async Task<Dictionary<ReactionKind, int>> ReadAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("slug", Slug);
            var result = new Dictionary<ReactionKind, int>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result[(ReactionKind)reader.GetInt32(0)] = checked((int)reader.GetInt64(1));
            }
            return result;
        }
        var rows = await ReadAsync("""
            SELECT r."Kind", count(*) FROM "Reactions" r JOIN "Articles" a ON a."Id" = r."ArticleId"
            WHERE a."Slug" = @slug GROUP BY r."Kind"
            """);
        var counts = await ReadAsync("""
            SELECT c."Kind", c."Count"::bigint FROM "ReactionCounts" c JOIN "Articles" a ON a."Id" = c."ArticleId"
            WHERE a."Slug" = @slug
            """);
        return (rows, counts);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("slug", Slug);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
