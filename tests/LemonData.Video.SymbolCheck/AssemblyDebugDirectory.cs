using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.PortableExecutable;

namespace LemonData.Video.SymbolCheck;

/// <summary>A CodeView entry of an assembly's debug directory: the PDB the assembly was built with, by id and path.</summary>
public sealed record CodeViewEntry(PdbId Id, int Age, string PdbPath);

/// <summary>What an assembly's debug directory says about its symbols: the PDBs it names, and a PDB embedded in it.</summary>
public sealed class AssemblyDebugDirectory
{
    private AssemblyDebugDirectory(IReadOnlyList<CodeViewEntry> codeView, PdbSources? embeddedPdb)
    {
        CodeView = codeView;
        EmbeddedPdb = embeddedPdb;
    }

    public IReadOnlyList<CodeViewEntry> CodeView { get; }

    /// <summary>The PDB inside the assembly (DebugType embedded), if it has one.</summary>
    public PdbSources? EmbeddedPdb { get; }

    public static AssemblyDebugDirectory Read(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly, writable: false));
        var codeView = new List<CodeViewEntry>();
        PdbSources? embedded = null;
        foreach (var entry in pe.ReadDebugDirectory())
        {
            switch (entry.Type)
            {
                case DebugDirectoryEntryType.CodeView:
                    var data = pe.ReadCodeViewDebugDirectoryData(entry);
                    codeView.Add(new CodeViewEntry(new PdbId(data.Guid, entry.Stamp), data.Age, data.Path));
                    break;
                case DebugDirectoryEntryType.EmbeddedPortablePdb:
                    using (var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry))
                    {
                        embedded = PdbSources.Read(provider.GetMetadataReader());
                    }

                    break;
            }
        }

        return new AssemblyDebugDirectory(codeView, embedded);
    }
}
