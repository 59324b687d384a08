using System;
using System.IO;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>A fresh folder under the system's temp folder, deleted with everything in it when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ldv-batch-" + Guid.NewGuid().ToString("N"));

    public string LedgerPath => File(".lemondata-batch.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
