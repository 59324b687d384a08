using System;
using System.Buffers.Binary;
using System.Collections.Immutable;

namespace LemonData.Video.SymbolCheck;

/// <summary>
/// What ties a portable PDB to its assembly: the 20-byte id of the PDB (a GUID and a stamp) that the compiler also writes
/// into the assembly's CodeView debug directory entry (its GUID, and the entry's time stamp). A debugger loads a PDB only
/// when the two agree.
/// </summary>
public readonly record struct PdbId(Guid Guid, uint Stamp)
{
    public static PdbId FromPdbHeader(ImmutableArray<byte> id)
    {
        if (id.Length != 20)
        {
            throw new BadImageFormatException($"A portable PDB id is 20 bytes, this one {id.Length}.");
        }

        var bytes = id.AsSpan();
        return new PdbId(new Guid(bytes[..16]), BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]));
    }

    public override string ToString() => $"{Guid:N}-{Stamp:x8}";
}
