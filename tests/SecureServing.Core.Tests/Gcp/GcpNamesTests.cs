using SecureServing.Core.Gcp;

namespace SecureServing.Core.Tests.Gcp;

public sealed class GcpNamesTests
{
    [Theory]
    [InlineData("group:ml-platform@example.com", "group-ml-platform-example-com")]
    [InlineData("ss_dev_builders", "ss-dev-builders")]
    [InlineData("--A..b--", "a-b")]
    public void Kebab_lowercases_and_collapses_separators(string value, string expected) =>
        Assert.Equal(expected, GcpNames.Kebab(value));

    [Fact]
    public void Bounded_keeps_short_names_and_hashes_long_ones_to_distinct_names_within_the_limit()
    {
        Assert.Equal("short-name", GcpNames.Bounded("short-name", 30));

        var a = GcpNames.Bounded("a-very-long-service-account-name-one", 30);
        var b = GcpNames.Bounded("a-very-long-service-account-name-two", 30);
        Assert.True(a.Length <= 30);
        Assert.True(b.Length <= 30);
        Assert.NotEqual(a, b);
        Assert.Equal(a, GcpNames.Bounded("a-very-long-service-account-name-one", 30));
    }

    [Theory]
    [InlineData("ss-dev-fraud")]
    [InlineData("1st-deployment-with-a-rather-long-team-name")]
    [InlineData("a-b")]
    public void Service_account_ids_are_always_valid(string candidate)
    {
        var id = GcpNames.ServiceAccountId(candidate);

        Assert.InRange(id.Length, 6, 30);
        Assert.Matches("^[a-z][-a-z0-9]*[a-z0-9]$", id);
    }

    [Fact]
    public void Unique_keys_disambiguate_members_that_would_collide()
    {
        var keys = GcpNames.UniqueKeys(["user:ml.platform@example.com", "user:ml-platform@example.com", "group:a@example.com"]);

        Assert.Equal(3, keys.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("group-a-example-com", keys["group:a@example.com"]);
    }
}
