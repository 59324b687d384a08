using System.Collections.Generic;
using System.Globalization;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// Code of the same size as <see cref="ConsumerCorpus"/> that never touches a request: object initializers, property
/// assignments, loops and awaits on a type of its own. Most of a real project is like this, and there an analyzer of
/// requests should cost next to nothing.
/// </summary>
public static class OtherCodeCorpus
{
    /// <summary>The corpus as (file name, source) pairs.</summary>
    public static IReadOnlyList<(string Name, string Source)> Generate()
    {
        var files = new List<(string, string)>(ConsumerCorpus.FileCount);
        for (var file = 0; file < ConsumerCorpus.FileCount; file++)
        {
            files.Add(($"Other{file:0000}.cs", string.Create(CultureInfo.InvariantCulture, $$"""
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;

                namespace Consumer.Other;

                public sealed class Order{{file}}
                {
                    public string Name { get; set; } = "";
                    public int Count { get; set; }
                    public double Price { get; set; }
                    public List<string> Tags { get; } = new();
                }

                public static class Feature{{file}}
                {
                    public static async Task<double> RunAsync(string name, int count, Func<Task<int>> next)
                    {
                        var order = new Order{{file}} { Name = name + "{{file}}", Count = count, Price = 2.5 };
                        order.Tags.Add("a");
                        var total = 0.0;
                        for (var k = 0; k < count; k++)
                        {
                            total += order.Price * k;
                            order.Count = await next();
                        }

                        var other = new Order{{file}} { Name = name.Trim(), Count = count * 2, Price = total };
                        other.Name = other.Name.ToUpperInvariant();
                        if (other.Count > 10)
                        {
                            other.Price = Math.Max(total, 1);
                        }

                        Console.WriteLine($"{order.Name} {other.Name} {total}");
                        return total + other.Price;
                    }
                }

                """)));
        }

        return files;
    }
}
