using System.Text;
using SecureServing.Cli.Predict;

namespace SecureServing.Cli.Tests.Predict;

public sealed class ResponseBodyTests
{
    [Fact]
    public void Json_keeps_number_text_and_non_ascii()
    {
        var body = Encoding.UTF8.GetBytes("""{"p":[1.10,2e3],"s":"é<>"}""");

        Assert.Equal("{\n  \"p\": [\n    1.10,\n    2e3\n  ],\n  \"s\": \"é<>\"\n}", ResponseBody.Render(body, "application/json").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_without_a_content_type_is_still_pretty_printed() =>
        Assert.Equal("[\n  1\n]", ResponseBody.Render("[1]"u8.ToArray(), null).ReplaceLineEndings("\n"));

    [Fact]
    public void Json_text_served_as_plain_text_is_shown_raw() =>
        Assert.Equal("[1]", ResponseBody.Render("[1]"u8.ToArray(), "text/plain"));

    [Fact]
    public void Binary_content_is_summarised_not_dumped() =>
        Assert.Equal("[4 bytes of application/octet-stream, not shown]", ResponseBody.Render([0, 1, 2, 0xff], "application/octet-stream"));
}
