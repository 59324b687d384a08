namespace LemonData.Video.SymbolCheck.Tests;

/// <summary>SourceLink JSON matched as debuggers match it (dotnet/designs, source-link.md).</summary>
public sealed class SourceLinkMapTests
{
    [Fact]
    public void A_wildcard_maps_the_rest_of_the_path_into_the_url()
    {
        var map = SourceLinkMap.Parse("""{"documents":{"/_/*":"https://raw.githubusercontent.com/o/r/abc/*"}}""");

        Assert.Equal("https://raw.githubusercontent.com/o/r/abc/src/A.cs", map.Map("/_/src/A.cs"));
        Assert.Null(map.Map("/elsewhere/A.cs"));
    }

    [Fact]
    public void An_exact_path_wins_over_a_wildcard_and_the_longest_prefix_over_a_shorter_one()
    {
        var map = SourceLinkMap.Parse("""
            {"documents":{
              "C:\\src\\*": "http://default/src/*",
              "C:\\src\\foo\\*": "http://foo/src/*",
              "C:\\src\\foo\\specific.txt": "http://specific/src/specific.txt"
            }}
            """);

        Assert.Equal("http://specific/src/specific.txt", map.Map(@"C:\src\foo\specific.txt"));
        Assert.Equal("http://foo/src/a/b.cs", map.Map(@"C:\src\foo\a\b.cs"));
        Assert.Equal("http://default/src/bar/c.cs", map.Map(@"C:\src\bar\c.cs"));
    }

    [Fact]
    public void Paths_compare_case_insensitively()
    {
        var map = SourceLinkMap.Parse("""{"documents":{"/Work/Repo/*":"https://host/r/*"}}""");

        Assert.Equal("https://host/r/Src/A.cs", map.Map("/work/repo/Src/A.cs"));
    }

    [Fact]
    public void Json_without_documents_is_refused()
    {
        Assert.Throws<System.FormatException>(() => SourceLinkMap.Parse("""{"files":{}}"""));
    }
}
