namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>Wraps a snippet in a compilation unit that uses the SDK.</summary>
internal static class TestSource
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using LemonData.Video;

        """;

    /// <summary><paramref name="body"/> as the statements of a method that has a client, with optional class members.</summary>
    public static string InMethod(string body, string members = "") =>
        Usings + $$"""
        class Sample
        {
        {{members}}
            async Task Run(LemonDataVideoClient client, string userModel, string userUrl, int userFps, bool flag)
            {
        {{body}}
            }
        }
        """;

    /// <summary><paramref name="source"/> without its markup (<c>{|#0:...|}</c>), for a test that compiles it on its own.</summary>
    public static string WithoutMarkup(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:|\|\}", string.Empty);

    /// <summary><paramref name="members"/> as the members of a class.</summary>
    public static string InClass(string members) =>
        Usings + $$"""
        class Sample
        {
        {{members}}
        }
        """;
}
