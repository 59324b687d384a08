using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Security.Cryptography;
using System.Text;

namespace LemonData.Video.SymbolCheck;

/// <summary>One source document of a PDB, and how a debugger can get its text.</summary>
/// <param name="EmbeddedTextMatches">
/// Whether the embedded text hashes to the document's checksum (the text the compiler read); null when not embedded or
/// when the PDB uses a hash this check does not know.
/// </param>
public sealed record PdbDocument(string Path, bool Embedded, bool? EmbeddedTextMatches, string? SourceLinkUrl)
{
    public bool Mapped => SourceLinkUrl is not null;

    public bool Reachable => Embedded || Mapped;
}

/// <summary>The source documents of a portable PDB, read with System.Reflection.Metadata, with its id and SourceLink map.</summary>
public sealed class PdbSources
{
    // Custom debug information kinds, from the Portable PDB specification (dotnet/runtime, PortablePdb-Metadata.md).
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    // Document hash algorithms, same source.
    private static readonly Guid Sha1 = new("ff1816ec-aa5e-4d10-87f7-6f4963833460");
    private static readonly Guid Sha256 = new("8829d00f-11b8-4213-878b-770e8597ac16");

    private PdbSources(PdbId id, SourceLinkMap sourceLink, IReadOnlyList<PdbDocument> documents)
    {
        Id = id;
        SourceLink = sourceLink;
        Documents = documents;
    }

    public PdbId Id { get; }

    public SourceLinkMap SourceLink { get; }

    public IReadOnlyList<PdbDocument> Documents { get; }

    /// <summary>Reads a standalone portable PDB (the bytes of a .pdb file).</summary>
    public static PdbSources Read(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(pdb));
        return Read(provider.GetMetadataReader());
    }

    public static PdbSources Read(MetadataReader reader)
    {
        var id = PdbId.FromPdbHeader(reader.DebugMetadataHeader?.Id
            ?? throw new BadImageFormatException("Not a portable PDB: it has no debug metadata header."));
        var sourceLink = ReadSourceLink(reader);
        var documents = new List<PdbDocument>();
        foreach (var handle in reader.Documents)
        {
            var document = reader.GetDocument(handle);
            var path = reader.GetString(document.Name);
            var embeddedText = ReadEmbeddedText(reader, handle);
            bool? matches = embeddedText is null ? null : HashMatches(reader, document, embeddedText);
            documents.Add(new PdbDocument(path, embeddedText is not null, matches, sourceLink.Map(path)));
        }

        return new PdbSources(id, sourceLink, documents);
    }

    private static SourceLinkMap ReadSourceLink(MetadataReader reader)
    {
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == SourceLinkKind)
            {
                return SourceLinkMap.Parse(Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)));
            }
        }

        return SourceLinkMap.None;
    }

    /// <summary>The embedded bytes of a document: a 4-byte format (0 raw, else the size before deflate), then the content.</summary>
    private static byte[]? ReadEmbeddedText(MetadataReader reader, DocumentHandle document)
    {
        foreach (var handle in reader.GetCustomDebugInformation(document))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) != EmbeddedSourceKind)
            {
                continue;
            }

            var blob = reader.GetBlobBytes(information.Value);
            var format = BitConverter.ToInt32(blob, 0);
            if (format == 0)
            {
                return blob[4..];
            }

            using var deflate = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
            var text = new byte[format];
            deflate.ReadExactly(text);
            return text;
        }

        return null;
    }

    private static bool? HashMatches(MetadataReader reader, Document document, byte[] text)
    {
        if (document.Hash.IsNil || document.HashAlgorithm.IsNil)
        {
            return null;
        }

        var algorithm = reader.GetGuid(document.HashAlgorithm);
        byte[] actual;
        if (algorithm == Sha256)
        {
            actual = SHA256.HashData(text);
        }
        else if (algorithm == Sha1)
        {
            actual = SHA1.HashData(text);
        }
        else
        {
            return null;
        }

        return reader.GetBlobBytes(document.Hash).AsSpan().SequenceEqual(actual);
    }
}
