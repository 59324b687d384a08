using System;
using System.IO;
using Xunit.Abstractions;

namespace LemonData.Video.Cli.Tests;

/// <summary>
/// Figures a test measured that CI prints even when the test passes: written to the test's output and, when
/// <c>LEMONDATA_TEST_REPORTS</c> names a folder (as <c>.ci/run</c> does), to <c>&lt;name&gt;.txt</c> in it.
/// </summary>
public static class TestReport
{
    public static void Write(ITestOutputHelper output, string name, string text)
    {
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable("LEMONDATA_TEST_REPORTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".txt"), text + Environment.NewLine);
        }
    }
}
